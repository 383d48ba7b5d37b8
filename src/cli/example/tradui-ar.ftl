# The site title and any interface word tradui prints, in Arabic (see README "Interface words").
site-title = منشوراتنا
