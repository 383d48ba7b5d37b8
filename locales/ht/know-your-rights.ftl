# en: Know your rights at work
title = Konnen dwa ou nan travay

# en: Your rights under the law
rights = Dwa lalwa ba ou

# en: The National Labor Relations Act protects you when you act together with coworkers to improve your job, whether or not you are a union member.
rights-p1 = Lwa Nasyonal sou Relasyon Travay la pwoteje w lè ou aji ansanm ak kolèg ou yo pou amelyore travay ou, kit ou manm sendika a kit ou pa manm.

# en: You may talk about the union with coworkers during breaks and meal times.
rights-li1 = Ou ka pale de sendika a ak kolèg ou yo pandan poz ak lè manje.

# en: You may wear a union pin, button or shirt at work.
rights-li2 = Ou ka mete yon pin, yon bouton oswa yon mayo sendika nan travay.

# en: You may hand out union leaflets in break rooms and parking lots, off the clock.
rights-li3 = Ou ka distribye fèy sendika nan sal poz yo ak nan pakin yo, lè ou pa nan lè travay.

# en: You may discuss your pay, your schedule and your safety with coworkers.
rights-li4 = Ou ka pale de salè ou, orè ou ak sekirite ou ak kolèg ou yo.

# en: You may sign a union card or petition; management may not ask you whether you did.
rights-li5 = Ou ka siyen yon kat sendika oswa yon petisyon; direksyon an pa gen dwa mande w si ou te siyen.

# en: What management may not do
illegal = Sa direksyon an pa gen dwa fè

# en: Threaten to fire you, cut your hours or close the warehouse because of the union.
illegal-li1 = Menase revoke w, diminye lè travay ou oswa fèmen depo a akoz sendika a.

# en: Question you about your union activity or your coworkers'.
illegal-li2 = Poze w kesyon sou aktivite sendikal ou oswa pa kolèg ou yo.

# en: Promise you a raise or a better schedule if you vote against the union.
illegal-li3 = Pwomèt ou yon ogmantasyon oswa yon pi bon orè si ou vote kont sendika a.

# en: Spy on union meetings, or pretend to.
illegal-li4 = Espyone reyinyon sendika yo, oswa fè kòmsi l ap espyone yo.

# en: Punish you for taking part in protected activity.
illegal-li5 = Pini w paske ou patisipe nan yon aktivite lalwa pwoteje.

# en: What to do if it happens
what-to-do = Sa pou w fè si sa rive

# en: Write down what was said, who said it, where and when. Ask a coworker who saw it to write it down too.
what-to-do-p1 = Ekri sa yo te di, kiyès ki te di l, ki kote ak ki lè. Mande yon kolèg ki te wè sa pou l ekri l tou.

# en: If a manager calls you into a meeting that could lead to discipline, you may ask for a union steward or a coworker to be present. Say: *"If this meeting could lead to discipline, I want a witness present."*
what-to-do-p2 = Si yon manadjè rele w nan yon reyinyon ki ka fini ak yon sanksyon, ou ka mande pou yon delege sendika oswa yon kolèg la avè w. Di: *"Si reyinyon sa a ka fini ak yon sanksyon, mwen vle yon temwen la."*

# en: Call { -union-name } at { $phone }. We will help you file a charge with the [National Labor Relations Board](https://www.nlrb.gov) within six months of what happened. Retaliation for filing a charge is illegal too.
what-to-do-p3 = Rele { -union-name } nan { $phone }. N ap ede w depoze yon plent nan [Komisyon Nasyonal Relasyon Travay la](https://www.nlrb.gov) nan sis mwa apre sa te rive a. Lalwa entèdi tou pou yo pini w paske ou depoze yon plent.
