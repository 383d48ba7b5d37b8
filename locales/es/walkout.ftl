# en: We walk out at midnight
title = Paramos a la medianoche

# en: We walk out together
walkout = Salimos juntos

# en: On { $date } at { $time } (midnight), the night shift at JFK8 stops work and walks out **together**. Day shift: meet us at the bus stop at { $place } before your shift.
walkout-p1 = El { $date } a las { $time } (medianoche), el turno de noche de JFK8 deja de trabajar y sale **unido**. Turno de día: reúnanse con nosotros en la parada de autobús de { $place } antes de su turno.

# en: We are walking out because three coworkers collapsed from heat on the packing line this month, and management still refuses to fix the ventilation.
walkout-p2 = Salimos porque este mes tres compañeros se desmayaron por el calor en la línea de empaque, y la gerencia todavía se niega a arreglar la ventilación.

# en: What we demand
demands = Lo que exigimos

# en: Working fans and ventilation on every packing line, before the next heat wave.
demands-li1 = Ventiladores y ventilación que funcionen en cada línea de empaque, antes de la próxima ola de calor.

# en: Paid water breaks of ten minutes every two hours.
demands-li2 = Descansos pagados de diez minutos para tomar agua cada dos horas.

# en: No discipline for anyone who joins the walkout.
demands-li3 = Ninguna sanción para quien participe en el paro.

# en: How to join
join = Cómo participar

# en: Clock out at { $time } and walk to the bus stop at { $place } with your coworkers.
join-li1 = Marque su salida a las { $time } y camine a la parada de autobús de { $place } con sus compañeros.

# en: Stay with the group. Do not argue with managers or security.
join-li2 = Quédese con el grupo. No discuta con los gerentes ni con seguridad.

# en: If a manager tries to stop you, say: *"I am taking part in a protected walkout."*
join-li3 = Si un gerente intenta detenerle, diga: *"Estoy participando en un paro protegido por la ley."*

# en: I have worked here four years. I am not walking out against my job; I am walking out for my health and yours.
join-q1 = Llevo cuatro años trabajando aquí. No salgo en contra de mi trabajo; salgo por mi salud y por la suya.

# en: Questions or trouble? Call or text { -union-name } at { $phone }, any hour. Learn more about your right to strike at [the National Labor Relations Board](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
join-p1 = ¿Preguntas o problemas? Llame o envíe un mensaje a { -union-name } al { $phone }, a cualquier hora. Conozca su derecho a la huelga en [la Junta Nacional de Relaciones Laborales](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
