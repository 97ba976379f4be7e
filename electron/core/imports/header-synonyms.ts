// The names salons' files give each client field, in English, French, German, Spanish, Italian,
// Portuguese, Dutch and Japanese. Compared folded (case and accents aside) and without spaces or
// punctuation, so "E-mail", "EMAIL" and "e mail" are one name, as are "Téléphone" and "TELEPHONE".
// Within a field the names are in order of preference: when two columns could fill it, the one named
// earlier does (a "Mobile" column before a "Phone" column). Landline, home and work numbers are left
// out on purpose: a text cannot reach them, so they stay custom fields.
// Readings of a name (フリガナ, ふりがな, カナ) are never a name: they stay custom fields too.
import type { ImportTarget } from '../../../shared/imports';

export type FieldTarget = Exclude<ImportTarget, 'ignore' | `custom:${string}`>;

export const HEADER_SYNONYMS: { readonly [T in FieldTarget]?: readonly string[] } = {
  name: [
    'name', 'full name', 'client name', 'customer name', 'contact name', 'client', 'customer',
    'nom', 'nom complet', 'nom et prénom', 'prénom et nom', 'nom du client', 'nom client', 'cliente',
    'vollständiger name', 'kundenname', 'kunde', 'kundin',
    'nombre', 'nombre completo', 'nombre y apellidos', 'nombre del cliente',
    'nome', 'nome completo', 'nominativo', 'nome e cognome', 'nome cliente',
    'nome do cliente',
    'naam', 'volledige naam', 'klantnaam', 'klant',
    '氏名', '名前', 'お名前', '顧客名', 'お客様名', '会員名',
  ],
  firstName: [
    'first name', 'first', 'given name', 'forename', 'fname',
    'prénom',
    'vorname',
    'nombre de pila',
    'primeiro nome', 'prenome',
    'voornaam', 'roepnaam',
    '名',
  ],
  lastName: [
    'last name', 'last', 'surname', 'family name', 'lname',
    'nom de famille',
    'nachname', 'familienname',
    'apellido', 'apellidos', 'primer apellido',
    'cognome',
    'sobrenome', 'apelido', 'último nome',
    'achternaam', 'familienaam',
    '姓', '苗字', '名字',
  ],
  phone: [
    'mobile', 'mobile number', 'mobile phone', 'mobile phone number', 'mobile no', 'cell', 'cell phone',
    'cell phone number', 'cell number', 'cellphone', 'sms', 'text number',
    'portable', 'téléphone portable', 'tél portable', 'numéro de portable', 'numéro de mobile', 'téléphone mobile', 'gsm',
    'handy', 'handynummer', 'mobil', 'mobilnummer', 'mobiltelefon', 'mobilfunknummer',
    'móvil', 'teléfono móvil', 'número de móvil', 'celular', 'número de celular',
    'cellulare', 'numero di cellulare', 'telefono cellulare',
    'telemóvel', 'número de telemóvel', 'telefone celular',
    'mobiel', 'mobiel nummer', 'mobiele telefoon', 'mobiel telefoonnummer',
    '携帯', '携帯電話', '携帯番号', '携帯電話番号', 'ケータイ',
    'phone', 'phone number', 'phone no', 'primary phone', 'telephone', 'tel',
    'téléphone', 'numéro de téléphone', 'tél',
    'telefon', 'telefonnummer',
    'teléfono', 'número de teléfono',
    'telefono', 'numero di telefono',
    'telefone', 'número de telefone',
    'telefoon', 'telefoonnummer',
    '電話番号', '電話', '連絡先',
  ],
  email: [
    'email', 'email address', 'mail', 'e-mail address',
    'courriel', 'adresse e-mail', 'adresse électronique', 'mél',
    'e-mail-adresse', 'mailadresse',
    'correo', 'correo electrónico', 'dirección de correo',
    'posta elettronica', 'indirizzo email',
    'correio eletrónico', 'correio eletrônico', 'endereço de email',
    'e-mailadres',
    'メール', 'メールアドレス', 'eメール', 'eメールアドレス', 'pcメール', '携帯メール',
  ],
  birthday: [
    'birthday', 'date of birth', 'dob', 'birth date', 'birthdate',
    'date de naissance', 'anniversaire', 'né le', 'née le',
    'geburtstag', 'geburtsdatum',
    'fecha de nacimiento', 'cumpleaños',
    'data di nascita', 'compleanno',
    'data de nascimento', 'aniversário',
    'geboortedatum', 'verjaardag',
    '誕生日', '生年月日',
  ],
  clientSince: [
    'client since', 'customer since', 'member since', 'first visit', 'first visit date', 'created', 'created at',
    'created on', 'date created', 'creation date', 'added', 'date added', 'joined', 'sign up date',
    'client depuis', 'date de création', 'créé le', 'date d’inscription', "date d'inscription", 'première visite',
    'kunde seit', 'kundin seit', 'erstellt am', 'angelegt am', 'erstbesuch', 'erster besuch', 'registriert am',
    'cliente desde', 'fecha de alta', 'fecha de creación', 'fecha de registro', 'primera visita',
    'cliente dal', 'data di creazione', 'data registrazione', 'data di iscrizione', 'prima visita',
    'data de criação', 'data de cadastro', 'data de registo', 'primeira visita',
    'klant sinds', 'aangemaakt op', 'aanmaakdatum', 'eerste bezoek', 'registratiedatum',
    '初回来店日', '初回来店', '登録日', '入会日', '作成日',
  ],
  lastVisitAt: [
    'last visit', 'last visit date', 'last appointment', 'last appointment date', 'last booking', 'most recent visit',
    'dernière visite', 'date de dernière visite', 'dernier rendez-vous', 'dernier passage',
    'letzter besuch', 'letzter termin',
    'última visita', 'fecha de última visita', 'última cita',
    'ultima visita', 'ultimo appuntamento', 'data ultima visita',
    'último atendimento', 'última marcação',
    'laatste bezoek', 'laatste afspraak',
    '最終来店日', '最終来店', '前回来店日', '最終来店日時',
  ],
  // The booking systems' own names first (Next Appointment, Next Appt, Upcoming Appointment…).
  nextAppointmentAt: [
    'next appointment', 'next appointment date', 'next appt', 'next appt date', 'upcoming appointment',
    'upcoming appointment date', 'next booking', 'next booking date', 'next visit', 'next visit date', 'future appointment',
    'prochain rendez-vous', 'date du prochain rendez-vous', 'prochain rdv', 'prochaine visite', 'prochaine réservation',
    'nächster termin', 'datum nächster termin', 'nächster besuch', 'nächste buchung', 'folgetermin',
    'próxima cita', 'fecha de próxima cita', 'fecha próxima cita', 'próxima visita', 'próxima reserva',
    'prossimo appuntamento', 'data prossimo appuntamento', 'prossima visita', 'prossima prenotazione',
    'próxima marcação', 'próximo agendamento', 'data do próximo agendamento', 'próximo atendimento',
    'volgende afspraak', 'datum volgende afspraak', 'volgend bezoek', 'volgende boeking',
    '次回予約', '次回予約日', '次回来店予定', '次回来店予定日', '次回来店日',
  ],
  visitCount: [
    'visits', 'visit count', 'number of visits', 'no of visits', 'total visits', 'visits count',
    'appointments', 'total appointments', 'appointment count', 'number of appointments', 'transaction count',
    'nombre de visites', 'visites', 'nb visites', 'nombre de rendez-vous',
    'anzahl besuche', 'besuche', 'anzahl termine',
    'visitas', 'número de visitas', 'total visitas', 'número de citas',
    'visite', 'numero visite', 'numero di visite',
    'total de visitas',
    'aantal bezoeken', 'bezoeken',
    '来店回数', '来店数', '累計来店回数',
  ],
  totalSpent: [
    'total spent', 'total spend', 'spent', 'lifetime value', 'lifetime spend', 'ltv', 'revenue', 'total revenue',
    'total sales', 'sales',
    'total dépensé', 'montant total', "chiffre d'affaires", 'chiffre d’affaires', 'dépenses totales', 'total des achats',
    'umsatz', 'gesamtumsatz', 'gesamtausgaben', 'ausgaben gesamt',
    'total gastado', 'gasto total', 'importe total', 'ventas totales', 'facturación',
    'totale speso', 'spesa totale', 'fatturato', 'importo totale',
    'total gasto', 'valor total', 'faturamento', 'faturação',
    'totaal besteed', 'omzet', 'totale omzet', 'besteed',
    '累計金額', '累計売上', '売上合計', '総売上', '利用金額合計',
  ],
  tags: [
    'tags', 'tag', 'groups', 'group', 'labels', 'label', 'general tags', 'client tags', 'customer tags',
    'étiquettes', 'étiquette', 'groupes', 'groupe',
    'schlagwörter', 'gruppen', 'gruppe', 'etiketten',
    'etiquetas', 'etiqueta', 'grupos', 'grupo',
    'etichette', 'gruppi', 'gruppo',
    'marcadores',
    'groepen', 'groep',
    'タグ', 'グループ',
  ],
  notes: [
    'notes', 'note', 'memo', 'client notes', 'customer notes', 'comments', 'comment', 'remarks',
    'remarques', 'commentaires', 'commentaire', 'observations', 'mémo',
    'notizen', 'notiz', 'bemerkungen', 'bemerkung', 'anmerkungen', 'kommentar',
    'notas', 'nota', 'comentarios', 'observaciones',
    'commenti', 'osservazioni',
    'observações', 'obs', 'comentários',
    'notities', 'notitie', 'opmerkingen', 'opmerking',
    'メモ', '備考', 'コメント',
  ],
  leadSource: [
    'lead source', 'source', 'referral source', 'referred by', 'how did you hear about us',
    'provenance', 'origine', 'parrainé par',
    'quelle', 'herkunft', 'empfohlen von',
    'origen', 'fuente', 'referido por',
    'fonte', 'provenienza',
    'origem', 'indicação', 'como conheceu',
    'bron', 'herkomst',
    '来店きっかけ', '流入元', '紹介者',
  ],
  market: ['market', 'marché', 'markt', 'mercado', 'mercato'],
  product: ['product', 'products', 'produit', 'produkt', 'producto', 'prodotto', 'produto'],
  leadStatus: ['lead status'],
  state: [
    'state', 'province', 'state province', 'région', 'département', 'bundesland', 'provincia', 'regione',
    'estado', 'distrito', 'uf', 'provincie', '都道府県',
  ],
  zip: [
    'zip', 'zip code', 'zipcode', 'postcode', 'post code', 'postal code', 'code postal', 'cp', 'plz', 'postleitzahl',
    'código postal', 'cap', 'codice postale', 'cep', '郵便番号',
  ],
  conversationStatus: ['conversation status'],
  appointmentStatus: ['appointment status'],
  // Each client's own answer, as booking systems name it (Fresha, Phorest, Mindbody, Boulevard, Booker, GlossGenius).
  smsConsent: [
    'sms consent', 'text consent', 'sms subscription status', 'sms marketing consent', 'accepts sms marketing', 'accepts text marketing',
    'send promotional texts', 'marketing sms opt in', 'sms opt in', 'allow sms', 'sms marketing', 'text marketing',
    'consentement sms', 'accepte les sms', 'sms einwilligung', 'consentimiento sms', 'consenso sms', 'consentimento sms', 'sms toestemming',
    'sms配信', 'ショートメール配信',
  ],
  emailConsent: [
    'email subscription status', 'email consent', 'email marketing consent', 'accepts email marketing', 'send promotional emails',
    'marketing email opt in', 'email opt in', 'allow email', 'email marketing', 'newsletter', 'subscribed to newsletter',
    'consentement email', 'accepte les emails', 'e-mail einwilligung', 'consentimiento email', 'consenso email', 'consentimento email',
    'e-mail toestemming', 'メール配信', 'メルマガ', 'dm配信',
  ],
};

/**
 * Names that mean the family name beside a first-name column, and the whole name without one:
 * "Nom" beside "Prénom", "Name" beside "Vorname", "Naam" beside "Voornaam".
 */
export const FAMILY_OR_FULL_NAME = ['name', 'nom', 'naam'];

/** Names that mean the given name beside a surname column: "Nombre" beside "Apellidos", "Nome" beside "Cognome". */
export const GIVEN_OR_FULL_NAME = ['nombre', 'nome'];
