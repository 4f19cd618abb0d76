"""The cleaner's version, stored in every record so re-cleaned data can be told apart."""

# 0.3: article metadata (schema v2), references out of the text.
# 0.3.1: lengths in Latin-letter equivalents (scorer retrained); stated recipe lines.
EXTRACTOR_VERSION = "0.3.1"
