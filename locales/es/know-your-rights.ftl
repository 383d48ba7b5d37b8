# en: Know your rights at work
title = Conozca sus derechos en el trabajo

# en: Your rights under the law
rights = Sus derechos según la ley

# en: The National Labor Relations Act protects you when you act together with coworkers to improve your job, whether or not you are a union member.
rights-p1 = La Ley Nacional de Relaciones Laborales le protege cuando actúa junto con sus compañeros para mejorar su trabajo, sea o no miembro del sindicato.

# en: You may talk about the union with coworkers during breaks and meal times.
rights-li1 = Puede hablar del sindicato con sus compañeros durante los descansos y las comidas.

# en: You may wear a union pin, button or shirt at work.
rights-li2 = Puede llevar un pin, un botón o una camiseta del sindicato en el trabajo.

# en: You may hand out union leaflets in break rooms and parking lots, off the clock.
rights-li3 = Puede repartir volantes del sindicato en las salas de descanso y los estacionamientos, fuera de su horario.

# en: You may discuss your pay, your schedule and your safety with coworkers.
rights-li4 = Puede hablar de su salario, su horario y su seguridad con sus compañeros.

# en: You may sign a union card or petition; management may not ask you whether you did.
rights-li5 = Puede firmar una tarjeta sindical o una petición; la gerencia no puede preguntarle si lo hizo.

# en: What management may not do
illegal = Lo que la gerencia no puede hacer

# en: Threaten to fire you, cut your hours or close the warehouse because of the union.
illegal-li1 = Amenazarle con despedirle, reducir sus horas o cerrar el almacén por el sindicato.

# en: Question you about your union activity or your coworkers'.
illegal-li2 = Interrogarle sobre su actividad sindical o la de sus compañeros.

# en: Promise you a raise or a better schedule if you vote against the union.
illegal-li3 = Prometerle un aumento o un mejor horario si vota en contra del sindicato.

# en: Spy on union meetings, or pretend to.
illegal-li4 = Espiar las reuniones del sindicato, o fingir que lo hace.

# en: Punish you for taking part in protected activity.
illegal-li5 = Castigarle por participar en una actividad protegida.

# en: What to do if it happens
what-to-do = Qué hacer si sucede

# en: Write down what was said, who said it, where and when. Ask a coworker who saw it to write it down too.
what-to-do-p1 = Escriba lo que se dijo, quién lo dijo, dónde y cuándo. Pida a un compañero que lo vio que también lo escriba.

# en: If a manager calls you into a meeting that could lead to discipline, you may ask for a union steward or a coworker to be present. Say: *"If this meeting could lead to discipline, I want a witness present."*
what-to-do-p2 = Si un gerente le llama a una reunión que podría terminar en una sanción, puede pedir que esté presente un delegado sindical o un compañero. Diga: *"Si esta reunión puede terminar en una sanción, quiero que esté presente un testigo."*

# en: Call { -union-name } at { $phone }. We will help you file a charge with the [National Labor Relations Board](https://www.nlrb.gov) within six months of what happened. Retaliation for filing a charge is illegal too.
what-to-do-p3 = Llame a { -union-name } al { $phone }. Le ayudaremos a presentar una denuncia ante la [Junta Nacional de Relaciones Laborales](https://www.nlrb.gov) dentro de los seis meses posteriores a los hechos. Las represalias por presentar una denuncia también son ilegales.
