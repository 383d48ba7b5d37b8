# Mo koòdone tradui an kreyòl ayisyen.
site-title = Fèy
not-translated = poko tradui
notice = Gen kèk pati ki poko tradui; yo parèt nan lang orijinal la.
pdf-for-printing = PDF pou enprime
all-leaflets = Tout fèy yo
languages = Lang
not-published = poko pibliye
fact-date = Dat
fact-time = Lè
fact-place = Kote
fact-phone = Telefòn
event-over = Evènman sa a fini.
poster = Afich pou mi an
two-up = 2 pa fèy
