# Les mots de l'interface de tradui en français.
site-title = Tracts
not-translated = pas encore traduit
notice = Certaines parties ne sont pas encore traduites et sont affichées dans la langue d'origine.
pdf-for-printing = PDF à imprimer
all-leaflets = Tous les tracts
languages = Langues
not-published = non publié
fact-date = Date
fact-time = Heure
fact-place = Lieu
fact-phone = Téléphone
event-over = Cet événement est passé.
poster = Affiche murale
two-up = 2 par feuille
