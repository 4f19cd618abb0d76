"""Item pipelines: each adapts Scrapy items to one call into ``cleaning``."""
