"""Scrapy extensions of the crawl: robots.txt Crawl-delay and progress reporting."""
