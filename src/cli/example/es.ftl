# en: Union meeting this week
title = Reunión sindical esta semana

# en: Come to the meeting
meeting = Ven a la reunión

# en: All workers are welcome at the { -union-name } meeting on { $date } at { $time }.
meeting-p1 = Todos los trabajadores están invitados a la reunión de { -union-name } el { $date } a las { $time }.

# en: Where: { $place }
meeting-li1 = Dónde: { $place }

# en: Bring a coworker.
meeting-li2 = Trae a un compañero de trabajo.

# en: Why it matters
why = Por qué importa

# en: When we speak *together*, management listens.
why-p1 = Cuando hablamos *juntos*, la gerencia escucha.
