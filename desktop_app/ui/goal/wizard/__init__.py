"""The goal and pitch wizard: seven pages that own their fields and save on Finish."""
