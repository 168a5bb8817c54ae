"""The Dashboard page: figure cards, charts and the review of the wrong people."""
