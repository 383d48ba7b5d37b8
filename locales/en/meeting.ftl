### Reference catalog: the en text of content/meeting.md, written by `tradui sync`.
### Edit the leaflet, not this file.

title = Membership meeting
meeting = Come to the membership meeting
meeting-p1 = Every worker at JFK8 is welcome at the { -union-name } membership meeting on { $date } at { $place }. We meet three times that day so that every shift can come.
meeting-table1-r1-c1 = Shift
meeting-table1-r1-c2 = Meeting time
meeting-table1-r1-c3 = Room
meeting-table1-r2-c1 = Night shift
meeting-table1-r2-c2 = 8:00 AM
meeting-table1-r2-c3 = Room A
meeting-table1-r3-c1 = Day shift
meeting-table1-r3-c2 = 6:30 PM
meeting-table1-r3-c3 = Room A
meeting-table1-r4-c1 = Weekend shift
meeting-table1-r4-c2 = 12:00 PM
meeting-table1-r4-c3 = Room B
agenda = Agenda
agenda-li1 = Report on the heat walkout and what management has promised.
agenda-li2 = Elect two new stewards for the outbound docks.
agenda-li3 = Vote on our demands for the next negotiating session.
agenda-p1 = Childcare and food are provided. Interpreters for Spanish, Haitian Creole, Arabic and French will be there.
agenda-p2 = Cannot come? Call { $phone } to give your vote to a coworker.
