"""The cleaner's version, stored in every record so re-cleaned data can be told apart."""

EXTRACTOR_VERSION = "0.2.0"  # 0.2: the block scorer, headings and how-to sections, the pager
