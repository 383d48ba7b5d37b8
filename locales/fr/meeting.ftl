# en: Membership meeting
title = Assemblée des membres

# en: Come to the membership meeting
meeting = Venez à l'assemblée des membres

# en: Every worker at JFK8 is welcome at the { -union-name } membership meeting on { $date } at { $place }. We meet three times that day so that every shift can come.
meeting-p1 = Toutes les travailleuses et tous les travailleurs de JFK8 sont invités à l'assemblée des membres de { -union-name } le { $date } à { $place }. Nous nous réunissons trois fois ce jour-là pour que chaque équipe puisse venir.

# en: Shift
meeting-table1-r1-c1 = Équipe

# en: Meeting time
meeting-table1-r1-c2 = Heure de l'assemblée

# en: Room
meeting-table1-r1-c3 = Salle

# en: Night shift
meeting-table1-r2-c1 = Équipe de nuit

# en: 8:00 AM
meeting-table1-r2-c2 = 8 h 00

# en: Room A
meeting-table1-r2-c3 = Salle A

# en: Day shift
meeting-table1-r3-c1 = Équipe de jour

# en: 6:30 PM
meeting-table1-r3-c2 = 18 h 30

# en: Room A
meeting-table1-r3-c3 = Salle A

# en: Weekend shift
meeting-table1-r4-c1 = Équipe du week-end

# en: 12:00 PM
meeting-table1-r4-c2 = 12 h 00

# en: Room B
meeting-table1-r4-c3 = Salle B

# en: Agenda
agenda = Ordre du jour

# en: Report on the heat walkout and what management has promised.
agenda-li1 = Compte rendu du débrayage contre la chaleur et de ce que la direction a promis.

# en: Elect two new stewards for the outbound docks.
agenda-li2 = Élire deux nouveaux délégués pour les quais d'expédition.

# en: Vote on our demands for the next negotiating session.
agenda-li3 = Voter nos revendications pour la prochaine séance de négociation.

# en: Childcare and food are provided. Interpreters for Spanish, Haitian Creole, Arabic and French will be there.
agenda-p1 = Garde d'enfants et repas assurés. Des interprètes en espagnol, créole haïtien, arabe et français seront présents.

# en: Cannot come? Call { $phone } to give your vote to a coworker.
agenda-p2 = Vous ne pouvez pas venir ? Appelez le { $phone } pour confier votre vote à un collègue.
