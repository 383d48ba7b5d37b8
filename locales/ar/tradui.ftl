# The site title in Arabic.
site-title = منشورات JFK8 Workers United
