// AWS module
