"""The cleaner's version, stored in every record so re-cleaned data can be told apart."""

EXTRACTOR_VERSION = "0.1.0"
