"""Crawling with several workers on a shared Redis frontier (scrapy-redis)."""
