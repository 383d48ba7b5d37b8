# The site title in Haitian Creole.
site-title = Fèy JFK8 Workers United
