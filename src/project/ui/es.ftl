# Las palabras de la interfaz de tradui en español.
site-title = Hojas informativas
not-translated = aún sin traducir
notice = Algunas partes aún no están traducidas y se muestran en el idioma original.
pdf-for-printing = PDF para imprimir
all-leaflets = Todas las hojas informativas
languages = Idiomas
not-published = no publicado
fact-date = Fecha
fact-time = Hora
fact-place = Lugar
fact-phone = Teléfono
event-over = Este evento ya pasó.
poster = Cartel para la pared
two-up = 2 por hoja
