# The site title in French.
site-title = Tracts de JFK8 Workers United
