# en: Membership meeting
title = Asamblea de miembros

# en: Come to the membership meeting
meeting = Venga a la asamblea de miembros

# en: Every worker at JFK8 is welcome at the { -union-name } membership meeting on { $date } at { $place }. We meet three times that day so that every shift can come.
meeting-p1 = Todos los trabajadores de JFK8 están invitados a la asamblea de miembros de { -union-name } el { $date } en { $place }. Nos reunimos tres veces ese día para que todos los turnos puedan venir.

# en: Shift
meeting-table1-r1-c1 = Turno

# en: Meeting time
meeting-table1-r1-c2 = Hora de la asamblea

# en: Room
meeting-table1-r1-c3 = Sala

# en: Night shift
meeting-table1-r2-c1 = Turno de noche

# en: 8:00 AM
meeting-table1-r2-c2 = 8:00 a. m.

# en: Room A
meeting-table1-r2-c3 = Sala A

# en: Day shift
meeting-table1-r3-c1 = Turno de día

# en: 6:30 PM
meeting-table1-r3-c2 = 6:30 p. m.

# en: Room A
meeting-table1-r3-c3 = Sala A

# en: Weekend shift
meeting-table1-r4-c1 = Turno de fin de semana

# en: 12:00 PM
meeting-table1-r4-c2 = 12:00 p. m.

# en: Room B
meeting-table1-r4-c3 = Sala B

# en: Agenda
agenda = Orden del día

# en: Report on the heat walkout and what management has promised.
agenda-li1 = Informe sobre el paro por el calor y lo que ha prometido la gerencia.

# en: Elect two new stewards for the outbound docks.
agenda-li2 = Elegir a dos nuevos delegados para los muelles de salida.

# en: Vote on our demands for the next negotiating session.
agenda-li3 = Votar nuestras demandas para la próxima sesión de negociación.

# en: Childcare and food are provided. Interpreters for Spanish, Haitian Creole, Arabic and French will be there.
agenda-p1 = Habrá cuidado de niños y comida. Habrá intérpretes de español, criollo haitiano, árabe y francés.

# en: Cannot come? Call { $phone } to give your vote to a coworker.
agenda-p2 = ¿No puede venir? Llame al { $phone } para dar su voto a un compañero.
