"""The words of the PDF dossier in the UN languages it is written in (English, Russian, French, Spanish).

A dossier goes to the Committee in the language of the communication (Communication.dossier_language),
whatever language the person asking for it reads the portal in, so its labels do not come from the
interface catalogues (which speak Kazakh, Russian and English): they come from this table. Free
text is never translated here; it appears as written, with the filer's translation beside it.

Arabic and Chinese are UN languages the portal has no dossier labels for yet: such a dossier uses
the English labels and says so on its cover page.
"""

from __future__ import annotations

from datetime import date
from typing import Final

DOSSIER_LANGUAGES: Final = ("en", "ru", "fr", "es")

LABELS: Final[dict[str, dict[str, str]]] = {
    # The cover letter
    "document_title": {
        "en": "Communication to the Committee on the Rights of the Child",
        "ru": "Сообщение в Комитет по правам ребёнка",
        "fr": "Communication au Comité des droits de l'enfant",
        "es": "Comunicación al Comité de los Derechos del Niño",
    },
    "protocol": {
        "en": "Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
        "ru": "Факультативный протокол к Конвенции о правах ребёнка, касающийся процедуры сообщений",
        "fr": "Protocole facultatif à la Convention relative aux droits de l'enfant établissant une "
        "procédure de présentation de communications",
        "es": "Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a un "
        "procedimiento de comunicaciones",
    },
    "cover_letter": {
        "en": "Cover letter",
        "ru": "Сопроводительное письмо",
        "fr": "Lettre d'accompagnement",
        "es": "Carta de presentación",
    },
    "to": {"en": "To", "ru": "Кому", "fr": "À", "es": "A"},
    "petitions_team": {
        "en": "Petitions Team\nOffice of the United Nations High Commissioner for Human Rights\n"
        "United Nations Office at Geneva\n1211 Geneva 10, Switzerland\npetitions@ohchr.org",
        "ru": "Группа по петициям\nУправление Верховного комиссара Организации Объединённых Наций по "
        "правам человека\nОтделение Организации Объединённых Наций в Женеве\n1211 Geneva 10, "
        "Switzerland\npetitions@ohchr.org",
        "fr": "Équipe des requêtes\nHaut-Commissariat des Nations Unies aux droits de l'homme\n"
        "Office des Nations Unies à Genève\n1211 Genève 10, Suisse\npetitions@ohchr.org",
        "es": "Equipo de Peticiones\nOficina del Alto Comisionado de las Naciones Unidas para los "
        "Derechos Humanos\nOficina de las Naciones Unidas en Ginebra\n1211 Ginebra 10, Suiza\n"
        "petitions@ohchr.org",
    },
    "from": {"en": "From", "ru": "От кого", "fr": "De", "es": "De"},
    "date": {"en": "Date", "ru": "Дата", "fr": "Date", "es": "Fecha"},
    "subject": {"en": "Subject", "ru": "Тема", "fr": "Objet", "es": "Asunto"},
    "subject_text": {
        "en": "Communication concerning {state} under article 5 of the Optional Protocol",
        "ru": "Сообщение в отношении государства {state} в соответствии со статьёй 5 Факультативного "
        "протокола",
        "fr": "Communication concernant l'État {state} présentée en vertu de l'article 5 du Protocole "
        "facultatif",
        "es": "Comunicación relativa al Estado {state} presentada en virtud del artículo 5 del "
        "Protocolo facultativo",
    },
    "greeting": {
        "en": "Dear Sir or Madam,",
        "ru": "Уважаемые дамы и господа!",
        "fr": "Madame, Monsieur,",
        "es": "Estimados señores:",
    },
    "cover_body": {
        "en": "Please find enclosed a communication to the Committee on the Rights of the Child, submitted "
        "under the Optional Protocol to the Convention on the Rights of the Child on a communications "
        "procedure, with its annexes. The list of annexes, with the page on which each one begins, is in "
        "section 12.",
        "ru": "Направляем Вам сообщение в Комитет по правам ребёнка, представленное в соответствии с "
        "Факультативным протоколом к Конвенции о правах ребёнка, касающимся процедуры сообщений, вместе с "
        "приложениями. Перечень приложений с указанием страницы, с которой начинается каждое из них, "
        "приведён в разделе 12.",
        "fr": "Veuillez trouver ci-joint une communication adressée au Comité des droits de l'enfant en "
        "vertu du Protocole facultatif à la Convention relative aux droits de l'enfant établissant une "
        "procédure de présentation de communications, ainsi que ses annexes. La liste des annexes, avec "
        "la page où commence chacune d'elles, figure à la section 12.",
        "es": "Sírvanse encontrar adjunta una comunicación dirigida al Comité de los Derechos del Niño en "
        "virtud del Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a un "
        "procedimiento de comunicaciones, junto con sus anexos. La lista de anexos, con la página en la "
        "que comienza cada uno, figura en la sección 12.",
    },
    "cover_urgent": {
        "en": "This communication is urgent: the author asks the Committee to request interim measures "
        "under article 6 of the Optional Protocol (section 9).",
        "ru": "Сообщение является срочным: автор просит Комитет обратиться с просьбой о принятии временных "
        "мер в соответствии со статьёй 6 Факультативного протокола (раздел 9).",
        "fr": "Cette communication est urgente : l'auteur demande au Comité de solliciter des mesures "
        "provisoires en vertu de l'article 6 du Protocole facultatif (section 9).",
        "es": "Esta comunicación es urgente: el autor pide al Comité que solicite medidas provisionales "
        "en virtud del artículo 6 del Protocolo facultativo (sección 9).",
    },
    "cover_confidential": {
        "en": "The author asks that the names of the author and of the child not be published (rule 29(4) "
        "of the rules of procedure).",
        "ru": "Автор просит не публиковать имена автора и ребёнка (правило 29(4) правил процедуры).",
        "fr": "L'auteur demande que les noms de l'auteur et de l'enfant ne soient pas publiés (article 29(4) "
        "du règlement intérieur).",
        "es": "El autor solicita que no se publiquen los nombres del autor ni del niño (artículo 29(4) del "
        "reglamento).",
    },
    "closing": {
        "en": "Yours faithfully,",
        "ru": "С уважением,",
        "fr": "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
        "es": "Atentamente,",
    },
    "portal_reference": {
        "en": "Portal reference",
        "ru": "Номер в портале",
        "fr": "Référence du portail",
        "es": "Referencia del portal",
    },
    "committee_reference": {
        "en": "Committee reference",
        "ru": "Номер Комитета",
        "fr": "Référence du Comité",
        "es": "Referencia del Comité",
    },
    "contents": {"en": "Contents", "ru": "Содержание", "fr": "Sommaire", "es": "Índice"},
    "page": {"en": "Page", "ru": "Стр.", "fr": "Page", "es": "Página"},
    "of": {"en": "of", "ru": "из", "fr": "sur", "es": "de"},
    "labels_in_english": {
        "en": "The labels of this dossier are in English: the portal has none yet in the language chosen.",
        "ru": "",
        "fr": "",
        "es": "",
    },
    # Sections, in the order of the OHCHR model complaint form
    "s_author": {
        "en": "1. Author of the communication",
        "ru": "1. Автор сообщения",
        "fr": "1. Auteur de la communication",
        "es": "1. Autor de la comunicación",
    },
    "s_victims": {
        "en": "2. Alleged victim(s)",
        "ru": "2. Предполагаемая(ые) жертва(ы)",
        "fr": "2. Victime(s) présumée(s)",
        "es": "2. Presunta(s) víctima(s)",
    },
    "s_representative": {
        "en": "3. Representative",
        "ru": "3. Представитель",
        "fr": "3. Représentant",
        "es": "3. Representante",
    },
    "s_state": {
        "en": "4. State party concerned",
        "ru": "4. Соответствующее государство-участник",
        "fr": "4. État partie concerné",
        "es": "4. Estado parte interesado",
    },
    "s_facts": {"en": "5. Facts", "ru": "5. Факты", "fr": "5. Faits", "es": "5. Hechos"},
    "s_claims": {
        "en": "6. Rights violated",
        "ru": "6. Нарушенные права",
        "fr": "6. Droits violés",
        "es": "6. Derechos vulnerados",
    },
    "s_remedies": {
        "en": "7. Exhaustion of domestic remedies",
        "ru": "7. Исчерпание внутренних средств правовой защиты",
        "fr": "7. Épuisement des recours internes",
        "es": "7. Agotamiento de los recursos internos",
    },
    "s_other": {
        "en": "8. Other procedures of international investigation or settlement",
        "ru": "8. Другие процедуры международного разбирательства или урегулирования",
        "fr": "8. Autres procédures internationales d'enquête ou de règlement",
        "es": "8. Otros procedimientos de investigación o arreglo internacionales",
    },
    "s_interim": {
        "en": "9. Request for interim measures",
        "ru": "9. Просьба о временных мерах",
        "fr": "9. Demande de mesures provisoires",
        "es": "9. Solicitud de medidas provisionales",
    },
    "s_sought": {
        "en": "10. Remedies sought",
        "ru": "10. Испрашиваемые меры",
        "fr": "10. Mesures demandées",
        "es": "10. Reparaciones solicitadas",
    },
    "s_confidential": {
        "en": "11. Confidentiality",
        "ru": "11. Конфиденциальность",
        "fr": "11. Confidentialité",
        "es": "11. Confidencialidad",
    },
    "s_annexes": {
        "en": "12. List of annexes",
        "ru": "12. Перечень приложений",
        "fr": "12. Liste des annexes",
        "es": "12. Lista de anexos",
    },
    "s_signature": {
        "en": "Signature and consent",
        "ru": "Подпись и согласие",
        "fr": "Signature et consentement",
        "es": "Firma y consentimiento",
    },
    "s_timeline": {
        "en": "Timeline of the case (internal)",
        "ru": "Ход дела (для внутреннего пользования)",
        "fr": "Chronologie de l'affaire (interne)",
        "es": "Cronología del caso (interno)",
    },
    "s_deadlines": {
        "en": "Time limits (internal)",
        "ru": "Сроки (для внутреннего пользования)",
        "fr": "Délais (interne)",
        "es": "Plazos (interno)",
    },
    "annex": {"en": "Annex", "ru": "Приложение", "fr": "Annexe", "es": "Anexo"},
    # People
    "family_name": {"en": "Family name", "ru": "Фамилия", "fr": "Nom de famille", "es": "Apellidos"},
    "given_name": {"en": "First name(s)", "ru": "Имя", "fr": "Prénom(s)", "es": "Nombre(s)"},
    "date_of_birth": {
        "en": "Date of birth",
        "ru": "Дата рождения",
        "fr": "Date de naissance",
        "es": "Fecha de nacimiento",
    },
    "year_of_birth": {
        "en": "Year of birth",
        "ru": "Год рождения",
        "fr": "Année de naissance",
        "es": "Año de nacimiento",
    },
    "place_of_birth": {
        "en": "Place of birth",
        "ru": "Место рождения",
        "fr": "Lieu de naissance",
        "es": "Lugar de nacimiento",
    },
    "nationality": {"en": "Nationality", "ru": "Гражданство", "fr": "Nationalité", "es": "Nacionalidad"},
    "sex": {"en": "Sex or gender", "ru": "Пол", "fr": "Sexe ou genre", "es": "Sexo o género"},
    "address": {
        "en": "Postal address",
        "ru": "Почтовый адрес",
        "fr": "Adresse postale",
        "es": "Dirección postal",
    },
    "email": {"en": "E-mail", "ru": "Электронная почта", "fr": "Courriel", "es": "Correo electrónico"},
    "phone": {"en": "Telephone", "ru": "Телефон", "fr": "Téléphone", "es": "Teléfono"},
    "relationship": {
        "en": "Relationship to the child",
        "ru": "Отношение к ребёнку",
        "fr": "Lien avec l'enfant",
        "es": "Relación con el niño",
    },
    "author_is_victim": {
        "en": "The author is the victim",
        "ru": "Автор является жертвой",
        "fr": "L'auteur est la victime",
        "es": "El autor es la víctima",
    },
    "victim_n": {"en": "Victim {n}", "ru": "Жертва {n}", "fr": "Victime {n}", "es": "Víctima {n}"},
    "no_representative": {
        "en": "The author is not represented.",
        "ru": "У автора нет представителя.",
        "fr": "L'auteur n'est pas représenté.",
        "es": "El autor no tiene representante.",
    },
    "withheld": {"en": "[withheld]", "ru": "[не указывается]", "fr": "[non communiqué]", "es": "[omitido]"},
    "not_stated": {"en": "Not stated", "ru": "Не указано", "fr": "Non indiqué", "es": "No indicado"},
    "yes": {"en": "Yes", "ru": "Да", "fr": "Oui", "es": "Sí"},
    "no": {"en": "No", "ru": "Нет", "fr": "Non", "es": "No"},
    # State
    "state": {"en": "State party", "ru": "Государство-участник", "fr": "État partie", "es": "Estado parte"},
    "opic_in_force": {
        "en": "Optional Protocol in force for the State since",
        "ru": "Факультативный протокол вступил в силу для государства",
        "fr": "Protocole facultatif en vigueur pour l'État depuis le",
        "es": "Protocolo facultativo en vigor para el Estado desde",
    },
    # Facts
    "facts_start": {
        "en": "The facts began on",
        "ru": "Начало событий",
        "fr": "Début des faits",
        "es": "Inicio de los hechos",
    },
    "facts_end": {
        "en": "The facts ended on",
        "ru": "Окончание событий",
        "fr": "Fin des faits",
        "es": "Fin de los hechos",
    },
    "facts_continuing": {
        "en": "The violation is continuing.",
        "ru": "Нарушение продолжается.",
        "fr": "La violation se poursuit.",
        "es": "La violación continúa.",
    },
    "original": {"en": "As written", "ru": "Оригинал", "fr": "Texte original", "es": "Texto original"},
    "translation": {"en": "Translation", "ru": "Перевод", "fr": "Traduction", "es": "Traducción"},
    # Claims
    "claim": {"en": "Claim", "ru": "Требование", "fr": "Grief", "es": "Alegación"},
    "instrument_CRC": {
        "en": "Convention on the Rights of the Child",
        "ru": "Конвенция о правах ребёнка",
        "fr": "Convention relative aux droits de l'enfant",
        "es": "Convención sobre los Derechos del Niño",
    },
    "instrument_OPSC": {
        "en": "Optional Protocol on the sale of children, child prostitution and child pornography",
        "ru": "Факультативный протокол, касающийся торговли детьми, детской проституции и детской "
        "порнографии",
        "fr": "Protocole facultatif concernant la vente d'enfants, la prostitution des enfants et la "
        "pornographie mettant en scène des enfants",
        "es": "Protocolo facultativo relativo a la venta de niños, la prostitución infantil y la "
        "utilización de niños en la pornografía",
    },
    "instrument_OPAC": {
        "en": "Optional Protocol on the involvement of children in armed conflict",
        "ru": "Факультативный протокол, касающийся участия детей в вооружённых конфликтах",
        "fr": "Protocole facultatif concernant l'implication d'enfants dans les conflits armés",
        "es": "Protocolo facultativo relativo a la participación de niños en los conflictos armados",
    },
    "article": {"en": "Article", "ru": "Статья", "fr": "Article", "es": "Artículo"},
    "article_text": {
        "en": "Text of the article",
        "ru": "Текст статьи",
        "fr": "Texte de l'article",
        "es": "Texto del artículo",
    },
    "article_text_in": {
        "en": "Text of the article (in {language})",
        "ru": "Текст статьи (на языке: {language})",
        "fr": "Texte de l'article (en {language})",
        "es": "Texto del artículo (en {language})",
    },
    "how_violated": {
        "en": "How the right was violated",
        "ru": "В чём состоит нарушение",
        "fr": "En quoi le droit a été violé",
        "es": "Cómo se vulneró el derecho",
    },
    "no_claims": {
        "en": "No claim has been stated.",
        "ru": "Требования не указаны.",
        "fr": "Aucun grief n'a été formulé.",
        "es": "No se ha formulado ninguna alegación.",
    },
    # Remedies
    "authority": {
        "en": "Authority or court",
        "ru": "Орган или суд",
        "fr": "Autorité ou juridiction",
        "es": "Autoridad o tribunal",
    },
    "started_on": {"en": "Started", "ru": "Начато", "fr": "Engagé le", "es": "Iniciado"},
    "decided_on": {"en": "Decided", "ru": "Решение", "fr": "Décidé le", "es": "Decidido"},
    "final": {"en": "Final", "ru": "Окончательное", "fr": "Définitive", "es": "Definitiva"},
    "outcome": {"en": "Outcome", "ru": "Результат", "fr": "Issue", "es": "Resultado"},
    "remedies_exhausted": {
        "en": "Domestic remedies have been exhausted",
        "ru": "Внутренние средства правовой защиты исчерпаны",
        "fr": "Les recours internes ont été épuisés",
        "es": "Se han agotado los recursos internos",
    },
    "exception": {
        "en": "Why domestic remedies were not exhausted",
        "ru": "Почему внутренние средства правовой защиты не исчерпаны",
        "fr": "Pourquoi les recours internes n'ont pas été épuisés",
        "es": "Por qué no se agotaron los recursos internos",
    },
    "exception_unreasonably_prolonged": {
        "en": "The application of remedies is unreasonably prolonged (article 7(e)).",
        "ru": "Применение средств правовой защиты неоправданно затягивается (статья 7(e)).",
        "fr": "Les procédures de recours excèdent des délais raisonnables (article 7(e)).",
        "es": "La tramitación de los recursos se prolonga injustificadamente (artículo 7(e)).",
    },
    "exception_unlikely_effective_relief": {
        "en": "Remedies are unlikely to bring effective relief (article 7(e)).",
        "ru": "Средства правовой защиты вряд ли принесут действенную помощь (статья 7(e)).",
        "fr": "Il est peu probable que les recours permettent d'obtenir une réparation effective "
        "(article 7(e)).",
        "es": "Es improbable que los recursos den lugar a una reparación efectiva (artículo 7(e)).",
    },
    "late_reason": {
        "en": "Why the communication could not be submitted within one year (article 7(h))",
        "ru": "Почему сообщение не могло быть представлено в течение одного года (статья 7(h))",
        "fr": "Pourquoi la communication n'a pu être présentée dans le délai d'un an (article 7(h))",
        "es": "Por qué la comunicación no pudo presentarse en el plazo de un año (artículo 7(h))",
    },
    "no_remedies": {
        "en": "No domestic remedy has been listed.",
        "ru": "Внутренние средства правовой защиты не указаны.",
        "fr": "Aucun recours interne n'a été indiqué.",
        "es": "No se ha indicado ningún recurso interno.",
    },
    # Other procedures
    "body": {"en": "Body", "ru": "Орган", "fr": "Organe", "es": "Órgano"},
    "reference": {"en": "Reference", "ru": "Номер", "fr": "Référence", "es": "Referencia"},
    "status": {"en": "Status", "ru": "Статус", "fr": "État", "es": "Estado"},
    "same_matter": {"en": "Same matter", "ru": "Тот же вопрос", "fr": "Même question", "es": "Mismo asunto"},
    "procedure_pending": {"en": "Pending", "ru": "На рассмотрении", "fr": "En cours", "es": "Pendiente"},
    "procedure_examined": {"en": "Examined", "ru": "Рассмотрено", "fr": "Examinée", "es": "Examinado"},
    "procedure_withdrawn": {"en": "Withdrawn", "ru": "Отозвано", "fr": "Retirée", "es": "Retirado"},
    "procedure_ended_without_examination": {
        "en": "Ended without examination",
        "ru": "Прекращено без рассмотрения",
        "fr": "Close sans examen",
        "es": "Concluido sin examen",
    },
    "no_other_procedures": {
        "en": "The same matter has not been submitted to another procedure of international "
        "investigation or settlement.",
        "ru": "Этот же вопрос не представлялся на рассмотрение в рамках другой процедуры международного "
        "разбирательства или урегулирования.",
        "fr": "La même question n'a pas été soumise à une autre procédure internationale d'enquête ou "
        "de règlement.",
        "es": "El mismo asunto no se ha sometido a otro procedimiento de investigación o arreglo "
        "internacional.",
    },
    # Interim measures
    "interim_requested": {
        "en": "The author asks the Committee to request interim measures (article 6).",
        "ru": "Автор просит Комитет обратиться с просьбой о временных мерах (статья 6).",
        "fr": "L'auteur demande au Comité de solliciter des mesures provisoires (article 6).",
        "es": "El autor pide al Comité que solicite medidas provisionales (artículo 6).",
    },
    "interim_not_requested": {
        "en": "No interim measures are requested.",
        "ru": "Временные меры не запрашиваются.",
        "fr": "Aucune mesure provisoire n'est demandée.",
        "es": "No se solicitan medidas provisionales.",
    },
    "irreparable_harm": {
        "en": "Irreparable harm feared",
        "ru": "Опасность непоправимого вреда",
        "fr": "Préjudice irréparable redouté",
        "es": "Daño irreparable que se teme",
    },
    "fears_reprisals": {
        "en": "The author fears reprisals (article 4).",
        "ru": "Автор опасается преследований (статья 4).",
        "fr": "L'auteur craint des représailles (article 4).",
        "es": "El autor teme represalias (artículo 4).",
    },
    "protection_details": {
        "en": "What the author fears",
        "ru": "Чего опасается автор",
        "fr": "Ce que craint l'auteur",
        "es": "Lo que teme el autor",
    },
    # Remedies sought, confidentiality
    "nothing_stated": {
        "en": "Nothing stated.",
        "ru": "Не указано.",
        "fr": "Rien n'est indiqué.",
        "es": "No se indica nada.",
    },
    "confidential_yes": {
        "en": "The author asks that the names of the author and of the alleged victim(s) not be "
        "published in any decision of the Committee (rule 29(4)).",
        "ru": "Автор просит не публиковать имена автора и предполагаемой(ых) жертвы (жертв) ни в одном "
        "решении Комитета (правило 29(4)).",
        "fr": "L'auteur demande que les noms de l'auteur et de la ou des victimes présumées ne soient "
        "publiés dans aucune décision du Comité (article 29(4)).",
        "es": "El autor solicita que los nombres del autor y de la(s) presunta(s) víctima(s) no se "
        "publiquen en ninguna decisión del Comité (artículo 29(4)).",
    },
    "confidential_no": {
        "en": "The author agrees that names may be published.",
        "ru": "Автор согласен на публикацию имён.",
        "fr": "L'auteur accepte que les noms soient publiés.",
        "es": "El autor acepta que se publiquen los nombres.",
    },
    # Annexes
    "number": {"en": "No.", "ru": "№", "fr": "No", "es": "N.º"},
    "title": {"en": "Title", "ru": "Название", "fr": "Titre", "es": "Título"},
    "kind": {"en": "Type", "ru": "Вид", "fr": "Type", "es": "Tipo"},
    "pages": {"en": "Pages", "ru": "Страниц", "fr": "Pages", "es": "Páginas"},
    "starts_on_page": {"en": "Page", "ru": "Стр.", "fr": "Page", "es": "Página"},
    "no_annexes": {"en": "No annexes.", "ru": "Приложений нет.", "fr": "Aucune annexe.", "es": "Sin anexos."},
    "annexes_not_reproduced": {
        "en": "The annexes are not reproduced in this redacted version.",
        "ru": "В этой обезличенной версии приложения не воспроизводятся.",
        "fr": "Les annexes ne sont pas reproduites dans cette version expurgée.",
        "es": "Los anexos no se reproducen en esta versión anonimizada.",
    },
    "annex_page": {
        "en": "Annex {n}: {title}, page {page} of {pages}",
        "ru": "Приложение {n}: {title}, стр. {page} из {pages}",
        "fr": "Annexe {n} : {title}, page {page} sur {pages}",
        "es": "Anexo {n}: {title}, página {page} de {pages}",
    },
    "annex_unreadable": {
        "en": "This annex could not be reproduced (the file is damaged, protected or of a type the "
        "dossier cannot carry). The original is kept by the portal; SHA-256: {sha}.",
        "ru": "Это приложение невозможно воспроизвести (файл повреждён, защищён или имеет "
        "неподдерживаемый формат). Оригинал хранится в портале; SHA-256: {sha}.",
        "fr": "Cette annexe n'a pas pu être reproduite (fichier endommagé, protégé ou d'un type non "
        "pris en charge). L'original est conservé par le portail ; SHA-256 : {sha}.",
        "es": "Este anexo no pudo reproducirse (el archivo está dañado, protegido o es de un tipo no "
        "admitido). El original se conserva en el portal; SHA-256: {sha}.",
    },
    "doc_domestic_decision": {
        "en": "Decision of a domestic authority",
        "ru": "Решение национального органа",
        "fr": "Décision d'une autorité nationale",
        "es": "Decisión de una autoridad nacional",
    },
    "doc_evidence": {"en": "Evidence", "ru": "Доказательство", "fr": "Élément de preuve", "es": "Prueba"},
    "doc_power_of_attorney": {
        "en": "Power of attorney",
        "ru": "Доверенность",
        "fr": "Procuration",
        "es": "Poder",
    },
    "doc_consent": {
        "en": "Consent form",
        "ru": "Согласие",
        "fr": "Formulaire de consentement",
        "es": "Formulario de consentimiento",
    },
    "doc_translation": {"en": "Translation", "ru": "Перевод", "fr": "Traduction", "es": "Traducción"},
    "doc_committee": {
        "en": "Correspondence with the Committee",
        "ru": "Переписка с Комитетом",
        "fr": "Correspondance avec le Comité",
        "es": "Correspondencia con el Comité",
    },
    "doc_state": {
        "en": "Submission of the State",
        "ru": "Представление государства",
        "fr": "Observations de l'État",
        "es": "Observaciones del Estado",
    },
    "doc_other": {"en": "Other", "ru": "Другое", "fr": "Autre", "es": "Otro"},
    # Signature and consent
    "declaration": {
        "en": "I confirm that the information in this communication is true to the best of my "
        "knowledge, and I agree that it be brought confidentially to the attention of the State "
        "party concerned.",
        "ru": "Подтверждаю, что сведения в настоящем сообщении, насколько мне известно, соответствуют "
        "действительности, и согласен(на) на их конфиденциальную передачу соответствующему "
        "государству-участнику.",
        "fr": "Je certifie que les informations figurant dans la présente communication sont exactes à "
        "ma connaissance et j'accepte qu'elles soient portées confidentiellement à l'attention de "
        "l'État partie concerné.",
        "es": "Confirmo que, a mi leal saber y entender, la información de esta comunicación es veraz, "
        "y acepto que se ponga confidencialmente en conocimiento del Estado parte interesado.",
    },
    "signed_by": {"en": "Signed by", "ru": "Подписано", "fr": "Signé par", "es": "Firmado por"},
    "signed_on": {
        "en": "Date of signature",
        "ru": "Дата подписания",
        "fr": "Date de la signature",
        "es": "Fecha de la firma",
    },
    "signature": {"en": "Signature", "ru": "Подпись", "fr": "Signature", "es": "Firma"},
    "consent_of": {
        "en": "Consent of {name}",
        "ru": "Согласие: {name}",
        "fr": "Consentement de {name}",
        "es": "Consentimiento de {name}",
    },
    "consent_given": {
        "en": "The child agreed to this communication being submitted (article 5(2)).",
        "ru": "Ребёнок согласился на представление этого сообщения (статья 5(2)).",
        "fr": "L'enfant a consenti à la présentation de cette communication (article 5(2)).",
        "es": "El niño consintió en que se presentara esta comunicación (artículo 5(2)).",
    },
    "consent_not_given": {
        "en": "The child's consent has not been obtained.",
        "ru": "Согласие ребёнка не получено.",
        "fr": "Le consentement de l'enfant n'a pas été obtenu.",
        "es": "No se ha obtenido el consentimiento del niño.",
    },
    "consent_without": {
        "en": "The author acts without the child's consent, for the reasons below (article 5(2)).",
        "ru": "Автор действует без согласия ребёнка по изложенным ниже причинам (статья 5(2)).",
        "fr": "L'auteur agit sans le consentement de l'enfant, pour les raisons ci-dessous (article 5(2)).",
        "es": "El autor actúa sin el consentimiento del niño, por las razones que siguen (artículo 5(2)).",
    },
    "consent_words": {
        "en": "The child's own words",
        "ru": "Слова ребёнка",
        "fr": "Les mots de l'enfant",
        "es": "Palabras del niño",
    },
    "consent_on": {
        "en": "Consent given on",
        "ru": "Дата согласия",
        "fr": "Consentement donné le",
        "es": "Consentimiento otorgado el",
    },
    "without_consent_reason": {
        "en": "Reasons for acting without consent",
        "ru": "Причины действий без согласия",
        "fr": "Raisons d'agir sans consentement",
        "es": "Razones para actuar sin consentimiento",
    },
    # Variants
    "redacted_notice": {
        "en": "Redacted version: the names of the author and of the child are replaced by initials and "
        "their contact details are withheld, as in the Committee's published decisions.",
        "ru": "Обезличенная версия: имена автора и ребёнка заменены инициалами, контактные данные не "
        "указываются, как в опубликованных решениях Комитета.",
        "fr": "Version expurgée : les noms de l'auteur et de l'enfant sont remplacés par des initiales "
        "et leurs coordonnées sont omises, comme dans les décisions publiées du Comité.",
        "es": "Versión anonimizada: los nombres del autor y del niño se sustituyen por iniciales y se "
        "omiten sus datos de contacto, como en las decisiones publicadas del Comité.",
    },
    "internal_notice": {
        "en": "Internal caseworker dossier: not for filing. It contains the timeline of the case, "
        "private notes and time limits.",
        "ru": "Внутреннее досье для сотрудников: не для подачи. Содержит ход дела, служебные заметки и "
        "сроки.",
        "fr": "Dossier interne : ne pas déposer. Il contient la chronologie de l'affaire, des notes "
        "privées et les délais.",
        "es": "Expediente interno: no debe presentarse. Contiene la cronología del caso, notas privadas "
        "y plazos.",
    },
    # Internal: timeline and time limits
    "when": {"en": "Date", "ru": "Дата", "fr": "Date", "es": "Fecha"},
    "event": {"en": "Event", "ru": "Событие", "fr": "Événement", "es": "Evento"},
    "note": {"en": "Note", "ru": "Заметка", "fr": "Note", "es": "Nota"},
    "private": {"en": "private", "ru": "служебная", "fr": "privée", "es": "privada"},
    "time_limit": {"en": "Time limit", "ru": "Срок", "fr": "Délai", "es": "Plazo"},
    "runs_from": {"en": "Runs from", "ru": "Исчисляется с", "fr": "Court à partir du", "es": "Corre desde"},
    "due": {"en": "Due", "ru": "Истекает", "fr": "Échéance", "es": "Vence"},
    "source": {"en": "Source", "ru": "Источник", "fr": "Source", "es": "Fuente"},
    "deadline_filing": {
        "en": "Filing limit (one year after the final domestic decision)",
        "ru": "Срок подачи (один год после окончательного национального решения)",
        "fr": "Délai de présentation (un an après la décision interne définitive)",
        "es": "Plazo de presentación (un año después de la decisión interna definitiva)",
    },
    "deadline_state_explanations": {
        "en": "State's written explanations",
        "ru": "Письменные объяснения государства",
        "fr": "Explications écrites de l'État",
        "es": "Explicaciones por escrito del Estado",
    },
    "deadline_author_comments": {
        "en": "Author's comments on the State's observations",
        "ru": "Комментарии автора к замечаниям государства",
        "fr": "Commentaires de l'auteur sur les observations de l'État",
        "es": "Comentarios del autor sobre las observaciones del Estado",
    },
    "deadline_follow_up": {
        "en": "State's response to the Views",
        "ru": "Ответ государства на соображения Комитета",
        "fr": "Réponse de l'État aux constatations",
        "es": "Respuesta del Estado al dictamen",
    },
    "deadline_interim_measures": {
        "en": "State's report on interim measures",
        "ru": "Доклад государства о временных мерах",
        "fr": "Rapport de l'État sur les mesures provisoires",
        "es": "Informe del Estado sobre las medidas provisionales",
    },
    "status_open": {"en": "open", "ru": "открыт", "fr": "en cours", "es": "abierto"},
    "status_overdue": {"en": "overdue", "ru": "просрочен", "fr": "dépassé", "es": "vencido"},
    "status_met": {"en": "met", "ru": "соблюдён", "fr": "respecté", "es": "cumplido"},
    "status_cancelled": {
        "en": "no longer applies",
        "ru": "неактуален",
        "fr": "sans objet",
        "es": "sin efecto",
    },
}

LANGUAGE_NAMES: Final[dict[str, dict[str, str]]] = {
    "en": {"en": "English", "ru": "английский", "fr": "anglais", "es": "inglés"},
    "ru": {"en": "Russian", "ru": "русский", "fr": "russe", "es": "ruso"},
    "kk": {"en": "Kazakh", "ru": "казахский", "fr": "kazakh", "es": "kazajo"},
    "fr": {"en": "French", "ru": "французский", "fr": "français", "es": "francés"},
    "es": {"en": "Spanish", "ru": "испанский", "fr": "espagnol", "es": "español"},
}

MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}


def labels_language(language: str) -> str:
    """Return the language the labels of a dossier in ``language`` are written in."""
    return language if language in DOSSIER_LANGUAGES else "en"


def labels_for(language: str) -> dict[str, str]:
    """Return every label in ``language`` (English for a UN language without labels yet)."""
    lang = labels_language(language)
    return {key: texts.get(lang) or texts["en"] for key, texts in LABELS.items()} | {
        "labels_in_english": LABELS["labels_in_english"]["en"] if lang != language else ""
    }


def language_name(code: str, language: str) -> str:
    return LANGUAGE_NAMES.get(code, {}).get(labels_language(language), code)


def long_date(day: date | None, language: str) -> str:
    """Return ``day`` written out the way a letter in ``language`` writes dates."""
    if day is None:
        return ""
    lang = labels_language(language)
    month = MONTHS[lang][day.month - 1]
    if lang == "en":
        return f"{day.day} {month} {day.year}"
    if lang == "ru":
        return f"{day.day} {month} {day.year} г."
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    return f"{day.day} de {month} de {day.year}"
