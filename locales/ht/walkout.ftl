# en: We walk out at midnight
title = Nou kite travay a minwi

# en: We walk out together
walkout = Nou soti ansanm

# en: On { $date } at { $time } (midnight), the night shift at JFK8 stops work and walks out **together**. Day shift: meet us at the bus stop at { $place } before your shift.
walkout-p1 = Nan dat { $date } a { $time } (minwi), ekip lannwit JFK8 la sispann travay epi soti **ansanm**. Ekip lajounen: vin jwenn nou nan arè bis { $place } la anvan ekip ou kòmanse.

# en: We are walking out because three coworkers collapsed from heat on the packing line this month, and management still refuses to fix the ventilation.
walkout-p2 = Nou soti paske mwa sa a twa kolèg tonbe akoz chalè sou liy anbalaj la, epi direksyon an toujou refize ranje vantilasyon an.

# en: What we demand
demands = Sa nou mande

# en: Working fans and ventilation on every packing line, before the next heat wave.
demands-li1 = Vantilatè ak vantilasyon ki mache sou chak liy anbalaj, anvan pwochen vag chalè a.

# en: Paid water breaks of ten minutes every two hours.
demands-li2 = Poz peye dis minit pou bwè dlo chak dezèd tan.

# en: No discipline for anyone who joins the walkout.
demands-li3 = Pa gen okenn sanksyon pou moun ki patisipe nan grèv la.

# en: How to join
join = Kijan pou patisipe

# en: Clock out at { $time } and walk to the bus stop at { $place } with your coworkers.
join-li1 = Pointe sòti a { $time } epi mache ale nan arè bis { $place } la ak kolèg ou yo.

# en: Stay with the group. Do not argue with managers or security.
join-li2 = Rete ak gwoup la. Pa diskite ak manadjè yo oswa ak sekirite.

# en: If a manager tries to stop you, say: *"I am taking part in a protected walkout."*
join-li3 = Si yon manadjè eseye bloke w, di: *"M ap patisipe nan yon grèv lalwa pwoteje."*

# en: I have worked here four years. I am not walking out against my job; I am walking out for my health and yours.
join-q1 = Sa fè kat an m ap travay isit la. M pa soti kont travay mwen; m soti pou sante m ak sante pa w.

# en: Questions or trouble? Call or text { -union-name } at { $phone }, any hour. Learn more about your right to strike at [the National Labor Relations Board](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
join-p1 = Ou gen kesyon oswa pwoblèm? Rele oswa voye mesaj bay { -union-name } nan { $phone }, nenpòt lè. Aprann plis sou dwa ou pou fè grèv nan [Komisyon Nasyonal Relasyon Travay la (NLRB)](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
