# The site title in Spanish (the interface words tradui ships need no entry here).
site-title = Hojas informativas de JFK8 Workers United
