# tradui's interface words in English. A project adds or overrides them in
# locales/<lang>/tradui.ftl (same IDs). Plain text: no placeables.
site-title = Leaflets
not-translated = not yet translated
notice = Some parts are not yet translated and are shown in the original language.
pdf-for-printing = PDF for printing
all-leaflets = All leaflets
languages = Languages
not-published = not published
fact-date = Date
fact-time = Time
fact-place = Place
fact-phone = Phone
event-over = This event is over.
poster = Poster for the wall
two-up = 2 per sheet
