// Built-in language knowledge for the tenant model's semantic view, in English and Spanish:
// function words that say nothing about which FAQ entry is meant, and groups of words customers use
// for the same customer-service concept ("parcel" / "package" / "paquete" / "pedido"). Groups are
// matched by stem, in both languages at once, so they also link an English word to its Spanish
// counterpart. Word vectors (word-vectors.ts) cover English beyond these groups; for Spanish, which
// has no pretrained vectors here, the groups, stemming and typo correction carry the meaning.
// All words are written normalised: lower case, without accents.

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    // English
    "a an the and or but if then so of to in on at by for from with about as into onto over under up down out off " +
    "i me my mine myself we us our you your yours he him his she her it its they them their this that these those " +
    "is am are was were be been being do does did doing have has had having will would shall should can could may might must " +
    "im ive id ill youre youve dont doesnt didnt cant couldnt wont wouldnt isnt arent wasnt havent hasnt whats hows wheres whos whens thats theres heres lets theyre weve wed shes hes " +
    "what which who whom whose why how there here just also too very really please pls plz thanks thank thx hi hello hey " +
    "some any all each every much many more most other such only own same than again further once ok okay yes yeah yep " +
    "get got know tell let like want wanted need needed would guys u ur r im gonna wanna hey dear sir madam " +
    // Spanish
    "el la los las un una unos unas lo al del de a en y e o u ni que se me te le les nos os mi mis tu tus su sus " +
    "yo tu el ella ello nosotros vosotros ellos ellas usted ustedes este esta esto estos estas ese esa eso esos esas aquel " +
    "es son era eran ser soy eres estoy estas esta estamos estan estaba he has ha hemos han habia hay haber " +
    "por para con sin sobre entre hasta desde hacia segun como cuando cual cuales quien quienes porque pues " +
    "muy mas menos tambien ya aun todavia solo tan tanto asi bien mal si no ok vale bueno pues entonces " +
    "hola buenas buenos gracias favor porfa xfa pf q k x xq pq tb tmb que quiero quisiera necesito puedo puede pueden podria podrian saber " +
    "tengo tiene tienen tenia hacer hago hace algo alguien alguna alguno algun nada todo toda todos todas otro otra otros otras cosa"
  ).split(/\s+/).filter(Boolean),
);

/**
 * Concept groups. A word or phrase in a group stands for the group's concept; phrases (several
 * words) are matched on the normalised text before single words.
 */
export const CONCEPTS: Record<string, string[]> = {
  refund: ["refund", "refunds", "refunded", "reimburse", "reimbursement", "money back", "repay", "chargeback", "reembolso", "reembolsar", "reintegro", "devolver el dinero", "devolvais el dinero", "devolveis el dinero", "devuelvan el dinero", "devuelven el dinero", "me devuelven", "mi dinero"],
  return: ["return", "returns", "returning", "send back", "sent back", "devolucion", "devolver", "devuelvo", "regresar"],
  cancel: ["cancel", "cancelling", "canceling", "cancellation", "terminate", "termination", "anular", "cancelar", "cancelacion", "anulacion", "dar de baja", "darme de baja", "baja"],
  ship: ["ship", "shipping", "shipment", "shipped", "delivery", "deliver", "delivered", "dispatch", "dispatched", "postage", "courier", "envio", "enviar", "enviais", "envian", "enviado", "entrega", "entregar", "mandar", "despacho", "mensajeria"],
  order: ["order", "orders", "package", "parcel", "purchase", "pedido", "pedidos", "paquete", "compra", "encargo"],
  arrive: ["arrive", "arrived", "arrival", "arriving", "received", "receive", "llegar", "llega", "llegado", "llegada", "recibir", "recibido", "recibi"],
  cost: ["cobrar", "cobran", "cobrais", "cobra", "cobro", "cobrado", "cobraron", "charged", "charging", "cost", "costs", "price", "prices", "fee", "fees", "charge", "charges", "how much", "rate", "rates", "commission", "precio", "precios", "coste", "costo", "cuesta", "cuestan", "cuanto vale", "cuanto sale", "tarifa", "cargo", "comision", "comisiones"],
  free: ["free", "free of charge", "no charge", "gratis", "gratuito", "gratuita", "sin coste", "sin costo"],
  duration: ["how long", "how many days", "how much time", "take", "takes", "cuanto tarda", "cuanto tardan", "cuanto tiempo", "tardar", "tarda", "tardan", "demora", "plazo", "plazos", "cuantos dias"],
  card: ["card", "cards", "tarjeta", "tarjetas"],
  lost: ["lost", "lose", "losing", "stolen", "steal", "stole", "missing", "misplaced", "perdido", "perdida", "perder", "perdi", "robado", "robada", "robaron", "robo", "extraviado", "extraviada", "extravie"],
  block: ["block", "blocked", "freeze", "frozen", "lock", "locked", "bloquear", "bloqueado", "bloqueada", "bloqueo", "congelar"],
  password: ["password", "passcode", "contrasena", "clave", "pin"],
  login: ["login", "log in", "logon", "sign in", "signin", "access", "acceder", "acceso", "iniciar sesion", "entrar", "ingresar"],
  account: ["account", "accounts", "cuenta", "cuentas"],
  open: ["open", "opening", "create", "sign up", "signup", "register", "registration", "abrir", "apertura", "crear", "registrarme", "registrar", "darme de alta", "alta"],
  change: ["change", "modify", "update", "edit", "amend", "switch", "cambiar", "cambio", "modificar", "actualizar", "editar"],
  address: ["mudar", "mudanza", "mudado", "me mude", "moving", "moved", "move house", "new address", "address", "direccion", "domicilio"],
  hours: ["hours", "opening hours", "open", "schedule", "horario", "horarios", "abierto", "abren", "abris", "atienden"],
  phone: ["phone", "telephone", "call", "cell", "mobile", "smartphone", "telefono", "llamar", "movil", "celular", "numero de telefono"],
  internet: ["internet", "wifi", "broadband", "fibre", "fiber", "router", "connection", "conexion", "fibra", "red wifi"],
  luggage: ["luggage", "baggage", "suitcase", "suitcases", "bag", "bags", "equipaje", "maleta", "maletas", "valija", "valijas"],
  trip: ["flight", "flights", "trip", "trips", "travel", "journey", "vuelo", "vuelos", "viaje", "viajes", "viajar"],
  booking: ["booking", "bookings", "reservation", "reservations", "book", "booked", "reserve", "reserva", "reservas", "reservar", "reservado", "reserve"],
  insurance: ["insurance", "insured", "cover", "covered", "coverage", "seguro", "seguros", "asegurado", "cubierto", "cubierta", "cobertura", "me cubre", "lo cubre"],
  accident: ["accident", "accidents", "crash", "fall off", "fell off", "injured", "injury", "accidente", "accidentes", "choque", "caida", "me caigo", "me caigo de", "me cai", "lesion", "herido", "herida"],
  document: ["passport", "visa", "document", "documents", "id", "identity", "pasaporte", "visado", "visa", "documento", "documentos", "documentacion", "dni", "identidad"],
  transfer: ["mandarle dinero", "enviarle dinero", "mandar plata", "enviar plata", "transferirle", "mandarle plata", "send money abroad", "transfer", "transfers", "wire", "send money", "transferencia", "transferencias", "transferir", "giro", "enviar dinero", "mandar dinero"],
  loan: ["prestar", "prestan", "prestarme", "financiar", "finance", "financing", "loan", "loans", "credit", "lending", "borrow", "prestamo", "prestamos", "credito", "financiacion"],
  bill: ["proof", "certificate", "certificado", "justificante", "comprobante", "bill", "bills", "invoice", "invoices", "receipt", "statement", "factura", "facturas", "recibo", "recibos", "boleta", "extracto"],
  payment: ["pay", "payment", "payments", "paid", "paying", "pago", "pagos", "pagar", "abonar", "pague", "pagado"],
  abroad: ["abroad", "overseas", "international", "internationally", "foreign", "another country", "other countries", "roaming", "extranjero", "internacional", "internacionales", "fuera del pais", "otro pais", "otros paises"],
  discount: ["discount", "discounts", "coupon", "voucher", "promo", "promotion", "promo code", "descuento", "descuentos", "cupon", "vale descuento", "promocion", "codigo promocional"],
  broken: ["broken", "defective", "damaged", "faulty", "not working", "doesnt work", "stopped working", "roto", "rota", "defectuoso", "danado", "estropeado", "averiado", "no funciona", "averia"],
  warranty: ["warranty", "guarantee", "garantia"],
  track: ["track", "tracking", "where is", "status", "seguimiento", "rastrear", "rastreo", "donde esta", "estado"],
  cash: ["sacar", "saco", "saque", "retirada", "take out", "taking out", "took out", "sacar plata", "cash", "atm", "withdraw", "withdrawal", "cajero", "efectivo", "retirar", "sacar dinero", "retiro"],
  limit: ["max", "maximo", "maxima", "tope", "cap", "ceiling", "limit", "limits", "maximum", "limite", "limites", "maximo"],
  app: ["app", "application", "aplicacion", "la app"],
  close: ["close", "closing", "delete", "remove", "cerrar", "eliminar", "borrar"],
  plan: ["plan", "plans", "contract", "tariff", "subscription", "package deal", "contrato", "tarifa", "suscripcion", "plan"],
  data: ["data", "gigabytes", "gb", "gigas", "megas", "datos"],
  sim: ["sim", "esim", "sim card", "chip", "tarjeta sim"],
  coverage: ["5g", "4g", "3g", "coverage", "signal", "reception", "network", "cobertura", "senal", "red"],
  portability: ["port", "porting", "keep my number", "portability", "portabilidad", "portar", "conservar mi numero", "mantener mi numero"],
  hotel: ["hotel", "hotels", "accommodation", "room", "stay", "alojamiento", "habitacion", "hospedaje", "estancia"],
  delay: ["delay", "delayed", "late", "retraso", "retrasado", "atrasado", "demorado"],
  fraud: ["fraud", "scam", "suspicious", "unauthorised", "unauthorized", "fraude", "estafa", "sospechoso", "no reconozco"],
  pet: ["pet", "pets", "dog", "cat", "mascota", "mascotas", "perro", "gato"],
  child: ["bebe", "nene", "nenes", "crio", "crios", "toddler", "son", "daughter", "peque", "peques", "hijos", "hijas", "nina", "ninas", "chaval", "chavales", "teen", "teenager", "minor", "child", "children", "kid", "kids", "baby", "infant", "nino", "ninos", "bebe", "menor", "menores", "hijo", "hija"],
  seat: ["seat", "seats", "asiento", "asientos", "plaza"],
  interest: ["interest", "apr", "interes", "intereses"],
  size: ["size", "sizes", "fit", "talla", "tallas", "tamano"],
  gift: ["gift", "present", "regalo"],
  contact: ["contact", "reach", "email", "e mail", "contactar", "contacto", "correo", "escribir"],
  date: ["date", "dates", "reschedule", "postpone", "fecha", "fechas", "aplazar", "posponer"],
  upgrade: ["upgrade", "mejorar", "subir de"],
  speed: ["speed", "slow", "fast", "velocidad", "lento", "lenta", "rapido"],
  money: ["money", "cash", "funds", "dinero", "plata", "pasta", "importe", "lana"],
  install: ["install", "installation", "installer", "technician", "engineer", "set up", "setup", "instalar", "instalacion", "instalador", "tecnico", "montar"],
  commitment: ["commitment", "lock in", "minimum term", "tie in", "permanencia", "compromiso"],
  confirmation: ["confirmation", "confirm", "confirmed", "voucher", "confirmacion", "confirmar", "confirmado", "bono", "localizador"],
  checkin: ["check in", "checkin", "boarding pass", "tarjeta de embarque", "facturar", "facturacion"],
  name: ["name", "names", "typo", "misspelled", "spelled", "spelling", "nombre", "nombres", "apellido", "mal escrito"],
  installments: ["installments", "instalments", "installment", "split the payment", "monthly payments", "pay monthly", "in instalments", "a plazos", "cuotas", "fraccionar", "financiar el viaje", "pago aplazado"],
  appointment: ["appointment", "appointments", "appt", "booking slot", "slot", "consultation", "visit", "cita", "citas", "turno", "turnos", "consulta", "hora con", "pedir hora", "agendar", "reservar cita"],
  doctor: ["doctor", "dentist", "physician", "gp", "specialist", "hygienist", "nurse", "medico", "medica", "dentista", "doctora", "especialista", "enfermera", "enfermero", "odontologo"],
  results: ["results", "test results", "lab results", "report", "resultados", "analisis", "analiticas", "informe"],
  emergency: ["emergency", "urgent", "urgently", "asap", "emergencia", "urgencia", "urgente", "urgencias"],
  parking: ["parking", "park", "car park", "aparcar", "aparcamiento", "estacionamiento", "estacionar", "parking", "parquear", "parqueadero", "parqueo", "cochera"],
  bicycle: ["bike", "bikes", "bicycle", "bicycles", "cycle", "bici", "bicis", "bicicleta", "bicicletas", "cicla"],
  location: ["location", "where are you", "located", "branch", "branches", "office", "offices", "store location", "ubicacion", "ubicados", "donde estan", "sucursal", "sucursales", "oficina", "oficinas", "direccion de la tienda"],
  meter: ["meter", "meters", "reading", "readings", "smart meter", "contador", "contadores", "lectura", "lecturas", "contador inteligente"],
  electricity: ["electricity", "power", "electric", "energy", "luz", "electricidad", "energia", "electrica"],
  gas: ["gas", "boiler", "caldera"],
  outage: ["dark", "lights out", "no lights", "sin corriente", "outage", "power cut", "blackout", "no power", "no electricity", "down", "apagon", "corte de luz", "sin luz", "corte", "caida", "caido", "sin servicio"],
  solar: ["solar", "solar panels", "panels", "paneles", "placas solares", "fotovoltaica", "autoconsumo"],
  switch_supplier: ["another company", "another provider", "other provider", "otra empresa", "otra compania", "otro proveedor", "otra comercializadora", "switch supplier", "switching", "change supplier", "move to you", "cambiar de compania", "cambiarme de compania", "cambiar de proveedor", "pasarme a", "pasarme con"],
  direct_debit: ["direct debit", "standing order", "autopay", "automatic payment", "domiciliacion", "domiciliar", "domiciliado", "pago automatico", "cargo en cuenta", "debito automatico"],
  users: ["user", "users", "seat", "seats", "member", "members", "teammate", "teammates", "licence", "license", "licenses", "licencias", "licencia", "usuario", "usuarios", "miembro", "miembros", "asiento", "puestos"],
  trial: ["trial", "free trial", "try", "demo", "test drive", "prueba", "prueba gratis", "periodo de prueba", "probar", "demostracion"],
  export: ["copy of", "una copia", "copia de", "export", "download my data", "backup", "extract", "exportar", "descargar mis datos", "copia de seguridad", "respaldo"],
  integration: ["integration", "integrations", "integrate", "connect with", "plugin", "plug in", "slack", "zapier", "integracion", "integraciones", "integrar", "conectar con", "complemento"],
  api: ["api", "webhook", "webhooks", "developer", "developers", "endpoint", "token", "desarrollador", "desarrolladores"],
  security2fa: ["2fa", "two factor", "two-factor", "mfa", "authenticator", "verification code", "security code", "doble factor", "dos factores", "verificacion en dos pasos", "codigo de verificacion", "codigo de seguridad"],
  privacy: ["privacy", "gdpr", "personal data", "data protection", "where is my data stored", "privacidad", "rgpd", "datos personales", "proteccion de datos"],
  upgrade_plan: ["upgrade", "downgrade", "higher plan", "bigger plan", "premium", "pro plan", "mejorar plan", "subir de plan", "bajar de plan", "plan superior", "plan premium"],
  annual: ["annual", "annually", "yearly", "per year", "a year", "anual", "anualmente", "al ano", "por ano"],
  monthly: ["monthly", "per month", "a month", "every month", "mensual", "mensualmente", "al mes", "por mes", "cada mes"],
  receipt_vat: ["vat", "tax", "tax invoice", "iva", "impuestos", "factura con iva", "nif", "cif", "vat number"],
  delete_account: ["delete my account", "remove my account", "close my account", "borrar mi cuenta", "eliminar mi cuenta", "cerrar mi cuenta", "darme de baja"],
  student: ["student", "students", "university", "school", "estudiante", "estudiantes", "universidad", "colegio"],
  senior: ["senior", "seniors", "pensioner", "retired", "elderly", "jubilado", "jubilados", "mayores", "tercera edad"],
  membership: ["membership", "member card", "loyalty", "points", "rewards", "club", "membresia", "socio", "socios", "fidelidad", "puntos", "recompensas"],
  gym_class: ["class", "classes", "lesson", "lessons", "session", "sessions", "clase", "clases", "sesion", "sesiones", "entrenamiento"],
  food: ["food", "meal", "meals", "menu", "breakfast", "lunch", "dinner", "comida", "comidas", "menu", "desayuno", "almuerzo", "cena"],
  allergy: ["allergy", "allergies", "gluten", "vegan", "vegetarian", "intolerance", "alergia", "alergias", "sin gluten", "vegano", "vegetariano", "intolerancia"],
  vehicle: ["car", "vehicle", "van", "coche", "carro", "auto", "vehiculo", "furgoneta"],
  deposit: ["deposit", "security deposit", "fianza", "deposito", "senal"],
  age: ["age", "old", "years old", "minimum age", "edad", "anos", "mayor de edad", "menor de edad"],
  pickup: ["pick up", "pickup", "collect", "collection", "click and collect", "recoger", "recogida", "retirar en tienda"],
  stock: ["stock", "in stock", "available", "availability", "out of stock", "sold out", "disponible", "disponibilidad", "agotado", "existencias", "hay stock"],
  exchange: ["exchange", "swap", "replace", "replacement", "cambiar por", "cambio de talla", "reemplazo", "sustituir", "reponer", "reposicion"],
  damaged: ["damaged", "broken", "cracked", "scratched", "dented", "arrived broken", "danado", "roto", "rota", "rayado", "golpeado", "llego roto"],
  wrong_item: ["wrong item", "wrong size", "wrong colour", "wrong color", "not what i ordered", "producto equivocado", "talla equivocada", "no es lo que pedi", "me llego otro"],
  notification: ["notification", "notifications", "alert", "alerts", "sms", "text message", "email alerts", "notificacion", "notificaciones", "aviso", "avisos", "alerta", "alertas", "mensaje de texto"],
  language_setting: ["language", "english", "spanish", "idioma", "ingles", "espanol"],
  problem: ["problem", "issue", "error", "bug", "fault", "glitch", "not working", "doesnt work", "wont work", "cant", "unable", "problema", "fallo", "error", "incidencia", "no funciona", "no va", "no puedo", "no me deja"],
  complaint: ["complaint", "complain", "claim", "file a complaint", "reclamacion", "reclamar", "queja", "quejarme", "hoja de reclamaciones"],
  compensation: ["compensation", "compensate", "reimbursed", "indemnity", "compensacion", "indemnizacion", "compensar"],
  cancel_booking: ["cancel my booking", "cancel my reservation", "cancel my appointment", "cancelar mi reserva", "cancelar la cita", "anular la reserva", "anular mi cita"],
  forgot: ["forgot", "forgotten", "dont remember", "cant remember", "reset", "recover", "olvide", "olvidado", "no me acuerdo", "no recuerdo", "restablecer", "recuperar", "resetear"],
  username: ["username", "user name", "email address", "login email", "usuario", "nombre de usuario", "correo de acceso"],
  verify: ["verify", "verification", "identity check", "kyc", "selfie", "verificar", "verificacion", "comprobar identidad", "validar"],
  overdraft: ["overdraft", "negative balance", "descubierto", "numeros rojos", "saldo negativo"],
  balance: ["balance", "how much money", "available balance", "saldo", "saldo disponible", "cuanto tengo"],
  savings: ["savings", "saving", "deposit account", "save money", "ahorro", "ahorros", "cuenta de ahorro", "plazo fijo"],
  mortgage: ["mortgage", "home loan", "hipoteca", "prestamo hipotecario"],
  invest: ["invest", "investment", "investments", "stocks", "funds", "invertir", "inversion", "inversiones", "acciones", "fondos"],
  crypto: ["crypto", "bitcoin", "cryptocurrency", "cripto", "criptomonedas"],
  currency: ["currency", "currencies", "exchange rate", "foreign currency", "dollars", "euros", "divisa", "divisas", "moneda extranjera", "tipo de cambio", "dolares", "euros"],
  weekend: ["weekend", "weekends", "saturday", "sunday", "holiday", "holidays", "bank holiday", "fin de semana", "sabado", "domingo", "festivo", "festivos", "feriado"],
  wait_time: ["waiting", "wait", "still waiting", "havent received", "not arrived yet", "hasnt arrived", "esperando", "espera", "aun no", "todavia no", "no me ha llegado", "no ha llegado", "sigo esperando"],
  penalty: ["penalty", "penalties", "fine", "early termination fee", "exit fee", "cancellation fee", "leaving fee", "multa", "multas", "penalizacion", "penalizaciones", "penalidad", "cargo por cancelacion"],
  download: ["download", "downloads", "downloaded", "descargar", "descarga", "descargo", "bajarme", "bajar"],
  increase: ["increase", "raise", "bump up", "higher", "upgrade", "aumentar", "subir", "incrementar", "ampliar", "mas alta"],
  decrease: ["decrease", "lower", "reduce", "cut down", "reducir", "disminuir", "rebajar", "mas baja"],
  add: ["add", "adding", "invite", "include", "anadir", "agregar", "invitar", "sumar", "meter", "incluir", "dar de alta"],
  colleague: ["colleague", "colleagues", "coworker", "coworkers", "teammate", "staff", "employee", "employees", "companero", "companeros", "compi", "compis", "colega", "colegas", "empleado", "empleados", "equipo"],
  assemble: ["assemble", "assembly", "disassemble", "dismantle", "take apart", "put together", "montaje", "desmontar", "desmontaje", "desmontan", "armar", "arman", "desarmar", "desarman", "desarmado", "ensamblar"],
  furniture: ["furniture", "wardrobe", "closet", "sofa", "couch", "mueble", "muebles", "armario", "armarios", "ropero", "roperos", "placard", "sillon"],
  hot_water: ["boiler", "water heater", "hot water", "caldera", "calentador", "termo", "calefon", "calefont", "agua caliente"],
  guarantor: ["guarantor", "co-signer", "cosigner", "guarantee", "aval", "avalista", "avales", "fiador", "fiadora", "garante", "codeudor"],
  income: ["income", "salary", "earn", "earnings", "payslip", "payslips", "wage", "wages", "nomina", "nominas", "sueldo", "salario", "ingresos", "ganar", "gano", "cobro mensual"],
  invoice_error: ["overcharged", "charged twice", "double charge", "wrong charge", "cobro doble", "cobraron dos veces", "cobro indebido", "me cobraron de mas"],
};
