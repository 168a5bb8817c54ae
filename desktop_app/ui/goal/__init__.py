"""The Goal & Pitch page: the active goal and pitch, their history, and the wizard."""
