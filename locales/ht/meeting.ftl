# en: Membership meeting
title = Asanble manm yo

# en: Come to the membership meeting
meeting = Vin nan asanble manm yo

# en: Every worker at JFK8 is welcome at the { -union-name } membership meeting on { $date } at { $place }. We meet three times that day so that every shift can come.
meeting-p1 = Tout travayè JFK8 yo envite nan asanble manm { -union-name } nan dat { $date } nan { $place }. Nou reyini twa fwa jou sa a pou tout ekip yo ka vini.

# en: Shift
meeting-table1-r1-c1 = Ekip

# en: Meeting time
meeting-table1-r1-c2 = Lè asanble a

# en: Room
meeting-table1-r1-c3 = Sal

# en: Night shift
meeting-table1-r2-c1 = Ekip lannwit

# en: 8:00 AM
meeting-table1-r2-c2 = 8:00 nan maten

# en: Room A
meeting-table1-r2-c3 = Sal A

# en: Day shift
meeting-table1-r3-c1 = Ekip lajounen

# en: 6:30 PM
meeting-table1-r3-c2 = 6:30 nan aswè

# en: Room A
meeting-table1-r3-c3 = Sal A

# en: Weekend shift
meeting-table1-r4-c1 = Ekip wikenn

# en: 12:00 PM
meeting-table1-r4-c2 = 12:00 midi

# en: Room B
meeting-table1-r4-c3 = Sal B

# en: Agenda
agenda = Lòd du jou

# en: Report on the heat walkout and what management has promised.
agenda-li1 = Rapò sou grèv chalè a ak sa direksyon an pwomèt.

# en: Elect two new stewards for the outbound docks.
agenda-li2 = Eli de nouvo delege pou waf sòti yo.

# en: Vote on our demands for the next negotiating session.
agenda-li3 = Vote sou revandikasyon nou yo pou pwochen sesyon negosyasyon an.

# en: Childcare and food are provided. Interpreters for Spanish, Haitian Creole, Arabic and French will be there.
agenda-p1 = Ap gen gadri pou timoun ak manje. Ap gen entèprèt an panyòl, kreyòl ayisyen, arab ak franse.

# en: Cannot come? Call { $phone } to give your vote to a coworker.
agenda-p2 = Ou pa ka vini? Rele { $phone } pou bay yon kolèg vòt ou.
