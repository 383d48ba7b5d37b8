# en: We walk out at midnight
title = Nous débrayons à minuit

# en: We walk out together
walkout = Nous sortons ensemble

# en: On { $date } at { $time } (midnight), the night shift at JFK8 stops work and walks out **together**. Day shift: meet us at the bus stop at { $place } before your shift.
walkout-p1 = Le { $date } à { $time } (minuit), l'équipe de nuit de JFK8 arrête le travail et sort **ensemble**. Équipe de jour : rejoignez-nous à l'arrêt de bus de { $place } avant votre service.

# en: We are walking out because three coworkers collapsed from heat on the packing line this month, and management still refuses to fix the ventilation.
walkout-p2 = Nous sortons parce que ce mois-ci, trois collègues se sont effondrés à cause de la chaleur sur la ligne d'emballage, et la direction refuse toujours de réparer la ventilation.

# en: What we demand
demands = Nos revendications

# en: Working fans and ventilation on every packing line, before the next heat wave.
demands-li1 = Des ventilateurs et une ventilation qui fonctionnent sur chaque ligne d'emballage, avant la prochaine vague de chaleur.

# en: Paid water breaks of ten minutes every two hours.
demands-li2 = Des pauses d'eau payées de dix minutes toutes les deux heures.

# en: No discipline for anyone who joins the walkout.
demands-li3 = Aucune sanction pour celles et ceux qui participent au débrayage.

# en: How to join
join = Comment participer

# en: Clock out at { $time } and walk to the bus stop at { $place } with your coworkers.
join-li1 = Pointez à { $time } et marchez jusqu'à l'arrêt de bus de { $place } avec vos collègues.

# en: Stay with the group. Do not argue with managers or security.
join-li2 = Restez avec le groupe. Ne vous disputez pas avec les responsables ni avec la sécurité.

# en: If a manager tries to stop you, say: *"I am taking part in a protected walkout."*
join-li3 = Si un responsable essaie de vous arrêter, dites : *« Je participe à un débrayage protégé par la loi. »*

# en: I have worked here four years. I am not walking out against my job; I am walking out for my health and yours.
join-q1 = Je travaille ici depuis quatre ans. Je ne sors pas contre mon travail ; je sors pour ma santé et la vôtre.

# en: Questions or trouble? Call or text { -union-name } at { $phone }, any hour. Learn more about your right to strike at [the National Labor Relations Board](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
join-p1 = Des questions ou un problème ? Appelez ou écrivez à { -union-name } au { $phone }, à toute heure. Informez-vous sur votre droit de grève auprès du [Conseil national des relations de travail (NLRB)](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
