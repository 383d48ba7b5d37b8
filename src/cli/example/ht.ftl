# en: Union meeting this week
title = Reyinyon sendika a semèn sa a

# en: Come to the meeting
meeting = Vin nan reyinyon an

# en: All workers are welcome at the { -union-name } meeting on { $date } at { $time }.
meeting-p1 = Tout travayè yo envite nan reyinyon { -union-name } nan dat { $date } a { $time }.

# en: Where: { $place }
meeting-li1 = Ki kote: { $place }

# en: Bring a coworker.
meeting-li2 = Mennen yon kolèg travay.

# en: Why it matters
why = Poukisa sa enpòtan

# en: When we speak *together*, management listens.
why-p1 = Lè nou pale *ansanm*, direksyon an koute.
