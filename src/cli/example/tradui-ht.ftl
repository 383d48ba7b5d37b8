# The site title and any interface word tradui prints, in Haitian Creole (see README "Interface words").
site-title = Fèy nou yo
