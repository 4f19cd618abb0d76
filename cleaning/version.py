"""The cleaner's version, stored in every record so re-cleaned data can be told apart."""

EXTRACTOR_VERSION = "0.3.0"  # 0.3: article metadata (schema v2), references out of the text
