# en: Union meeting this week
title = Réunion syndicale cette semaine

# en: Come to the meeting
meeting = Venez à la réunion

# en: All workers are welcome at the { -union-name } meeting on { $date } at { $time }.
meeting-p1 = Tous les travailleurs sont invités à la réunion de { -union-name } le { $date } à { $time }.

# en: Where: { $place }
meeting-li1 = Où : { $place }

# en: Bring a coworker.
meeting-li2 = Amenez un collègue.

# en: Why it matters
why = Pourquoi c'est important

# en: When we speak *together*, management listens.
why-p1 = Quand nous parlons *ensemble*, la direction écoute.
