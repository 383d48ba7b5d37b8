# The site title and any interface word tradui prints, in Spanish (see README "Interface words").
site-title = Nuestras hojas informativas
