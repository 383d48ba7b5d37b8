# The site title and any interface word tradui prints, in French (see README "Interface words").
site-title = Nos tracts
