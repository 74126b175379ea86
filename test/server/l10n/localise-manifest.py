# Keeps the manifest localised: one atomic read-modify-write of package.json that (re)writes the
# lab walkthrough, turns every user-visible manifest string that is still plain text into a %key%,
# and writes package.nls.json / package.nls.es.json. Existing %keys% keep their texts.
#   python3 test/server/l10n/localise-manifest.py [ROOT] [spanish.json]
# spanish.json maps new English strings to Spanish; the script stops, listing them, when one is
# missing. test/server/l10n/completeness.test.ts then checks that both languages are complete.
import json, os, sys, urllib.parse
ROOT = sys.argv[1] if len(sys.argv) > 1 else '.'
P = f'{ROOT}/package.json'
m = json.load(open(P))
try: old_en = json.load(open(f'{ROOT}/package.nls.json'))
except FileNotFoundError: old_en = {}
try: old_es = json.load(open(f'{ROOT}/package.nls.es.json'))
except FileNotFoundError: old_es = {}

ES = {
 "mailconf: Postfix & DNS for mail servers": "mailconf: Postfix y DNS para servidores de correo",
 "Language support for Postfix main.cf/master.cf and DNS zone files, a postconf preview, and SMTP connection tests for the ports 25, 465 and 587.":
   "Soporte para main.cf/master.cf de Postfix y ficheros de zona DNS, una vista previa de postconf y pruebas de conexión SMTP para los puertos 25, 465 y 587.",
 "Remote (SSH) and network (SMTP test) commands are disabled in untrusted workspaces; editing features stay on.":
   "Las órdenes remotas (SSH) y de red (prueba SMTP) se desactivan en espacios de trabajo no confiables; la edición sigue disponible.",
 "Restart Language Server": "Reiniciar el servidor de lenguaje",
 "Show Output": "Mostrar la salida",
 "Mailconf": "Mailconf",
 "Follow VS Code's display language.": "Seguir el idioma de la interfaz de VS Code.",
 "English.": "Inglés (English).",
 "Spanish (español).": "Español.",
 "Language of hover documentation. `auto` follows VS Code's display language. Takes effect after the language server restarts.":
   "Idioma de la documentación emergente. `auto` sigue el idioma de la interfaz de VS Code. Se aplica al reiniciar el servidor de lenguaje.",
 "Log the messages between VS Code and the Mailconf language server to the Mailconf output.":
   "Registrar en la salida de Mailconf los mensajes entre VS Code y el servidor de lenguaje de Mailconf.",
}
if len(sys.argv) > 2: ES.update(json.load(open(sys.argv[2])))

en, es, missing = {}, {}, []
def keyed(value, key):
    """Returns %key% for a manifest string, recording its English and Spanish text."""
    if isinstance(value, str) and value.startswith('%') and value.endswith('%') and len(value) > 2:
        k = value[1:-1]
        en[k] = old_en.get(k, en.get(k))
        es[k] = old_es.get(k, es.get(k))
        if en[k] is None: missing.append(f'en:{k}')
        if es[k] is None: missing.append(f'es:{k}')
        return value
    en[key] = value
    if value in ES: es[key] = ES[value]
    elif key in old_es and old_en.get(key) == value: es[key] = old_es[key]
    else: missing.append(f'es:{key} = {value!r}')
    return f'%{key}%'

def short(cid): return cid[len('mailconf.'):] if cid.startswith('mailconf.') else cid

# --- walkthrough -------------------------------------------------------------------------------
def cmd(command, args=None):
    if args is None: return f'command:{command}'
    return f'command:{command}?{urllib.parse.quote(json.dumps(args, ensure_ascii=False, separators=(",", ":")))}'
def new_file(lang): return cmd('workbench.action.files.newUntitledFile', {"languageId": lang})
def snippet(lang, name): return cmd('editor.action.insertSnippet', {"langId": lang, "name": name})
def palette(text): return cmd('workbench.action.quickOpen', [f'>{text}'])
def terminal(text): return cmd('workbench.action.terminal.sendSequence', {"text": text})
CERT = "sudo make-ssl-cert /usr/share/ssl-cert/ssleay.cnf keycert.pem"

STEPS = [
 ("dns", "DNS for the two domains", "DNS para los dos dominios",
  "Each server needs its domain in DNS: an MX pointing at mail, smtp and imap as aliases of mail, and a reverse zone so that its IP has a name. The zone diagnostics point at what is missing.",
  "Cada servidor necesita su dominio en el DNS: un MX que apunte a mail, smtp e imap como alias de mail, y una zona inversa para que su IP tenga nombre. Los diagnósticos de zona señalan lo que falta.",
  [("Open a new zone file", "Abrir un fichero de zona nuevo", new_file('dns-zone')),
   ("Insert the mail domain zone", "Insertar la zona del dominio de correo", snippet('dns-zone', 'Mail domain zone')),
   ("Insert a reverse zone", "Insertar una zona inversa", snippet('dns-zone', 'Reverse zone'))],
  ["onContext:editorLangId == dns-zone"]),
 ("install", "Install and reconfigure Postfix", "Instalar y reconfigurar Postfix",
  "Choose \"No configuration\" when installing, remove /etc/aliases, then run dpkg-reconfigure postfix. Its answers amount to a short main.cf, which the Internet Site snippet writes for you.",
  "Elija «Sin configuración» al instalar, borre /etc/aliases y ejecute dpkg-reconfigure postfix. Sus respuestas equivalen a un main.cf corto, que el fragmento Internet Site escribe por usted.",
  [("Open a new main.cf", "Abrir un main.cf nuevo", new_file('postfix-main')),
   ("Insert the Internet Site base", "Insertar la base Internet Site", snippet('postfix-main', 'Internet Site base'))],
  ["onContext:editorLangId == postfix-main"]),
 ("tls", "TLS: certificate and main.cf", "TLS: certificado y main.cf",
  "Make a certificate for *.mail1.org so that smtp and imap both match it, then add the TLS block to main.cf.",
  "Genere un certificado para *.mail1.org para que smtp e imap coincidan con él y añada el bloque TLS a main.cf.",
  [("Type the certificate command in a terminal", "Escribir la orden del certificado en un terminal", terminal(CERT)),
   ("Insert the TLS block", "Insertar el bloque TLS", snippet('postfix-main', 'TLS block'))],
  ["onCommand:workbench.action.terminal.sendSequence"]),
 ("sasl", "SASL: Cyrus or Dovecot", "SASL: Cyrus o Dovecot",
  "Authentication comes from Cyrus saslauthd or from Dovecot. Pick one block, then restrict who may relay.",
  "La autenticación la da saslauthd de Cyrus o Dovecot. Elija un bloque y restrinja después quién puede reenviar.",
  [("Insert the Cyrus SASL block", "Insertar el bloque Cyrus SASL", snippet('postfix-main', 'Cyrus SASL block')),
   ("Insert the Dovecot SASL block", "Insertar el bloque Dovecot SASL", snippet('postfix-main', 'Dovecot SASL block')),
   ("Insert the recipient restrictions", "Insertar las restricciones de destinatario", snippet('postfix-main', 'Recipient restrictions against spam'))],
  ["onCommand:editor.action.insertSnippet"]),
 ("ports", "Ports 25, 465 and 587 in master.cf", "Puertos 25, 465 y 587 en master.cf",
  "Port 25 for other MTAs without AUTH, 465 with TLS from the start, 587 with STARTTLS. main.cf gets one restriction list per kind of client.",
  "El 25 para otros MTA sin AUTH, el 465 con TLS desde el inicio y el 587 con STARTTLS. main.cf recibe una lista de restricciones por tipo de cliente.",
  [("Open a new master.cf", "Abrir un master.cf nuevo", new_file('postfix-master')),
   ("Insert the smtp service (25)", "Insertar el servicio smtp (25)", snippet('postfix-master', 'smtp service for MTAs (25)')),
   ("Insert 465 as submissions", "Insertar el 465 como submissions", snippet('postfix-master', '465 as submissions')),
   ("Insert 465 as urd", "Insertar el 465 como urd", snippet('postfix-master', '465 as urd')),
   ("Insert submission (587)", "Insertar submission (587)", snippet('postfix-master', 'submission service (587)'))],
  ["onContext:editorLangId == postfix-master"]),
 ("checks", "Checks: SMTP tests and postconf preview", "Comprobaciones: pruebas SMTP y vista previa de postconf",
  "Test each port against its expected behaviour, preview what postconf -n will print, and send a message with msmtp from outside the server's networks.",
  "Pruebe cada puerto frente a su comportamiento esperado, vea lo que imprimirá postconf -n y envíe un mensaje con msmtp desde fuera de las redes del servidor.",
  [("Test the SMTP ports", "Probar los puertos SMTP", cmd('mailconf.smtp.test')),
   ("Preview postconf -n", "Vista previa de postconf -n", cmd('mailconf.postconf.preview')),
   ("Open a new ~/.msmtprc", "Abrir un ~/.msmtprc nuevo", new_file('msmtprc')),
   ("Insert the msmtp accounts", "Insertar las cuentas de msmtp", snippet('msmtprc', 'msmtprc for the lab'))],
  ["onCommand:mailconf.smtp.test", "onCommand:mailconf.postconf.preview"]),
]

WT_ID = 'lab'
def description(text, buttons, lang):
    # A link alone on its line is shown as a button.
    return text + ''.join(f'\n[{b[0] if lang == "en" else b[1]}]({b[2]})' for b in buttons)

steps = []
for sid, t_en, t_es, d_en, d_es, buttons, events in STEPS:
    base = f'walkthrough.{WT_ID}.{sid}'
    ES[t_en] = t_es
    den = description(d_en, buttons, 'en'); ES[den] = description(d_es, buttons, 'es')
    media_en = f'walkthrough/en/{sid}.md'; ES[media_en] = f'walkthrough/es/{sid}.md'
    steps.append({"id": sid, "title": keyed(t_en, f'{base}.title'), "description": keyed(den, f'{base}.description'),
                  "media": {"markdown": keyed(media_en, f'{base}.media')}, "completionEvents": events})
WT_T = "Set up the Postfix lab"; ES[WT_T] = "Montar la práctica de Postfix"
WT_D = "The lesson's steps in order: DNS, Postfix, TLS, SASL, the three ports and the checks."
ES[WT_D] = "Los pasos de la lección en orden: DNS, Postfix, TLS, SASL, los tres puertos y las comprobaciones."
c = m['contributes']
walk = {"id": WT_ID, "title": keyed(WT_T, f'walkthrough.{WT_ID}.title'), "description": keyed(WT_D, f'walkthrough.{WT_ID}.description'), "steps": steps}
c['walkthroughs'] = [w for w in c.get('walkthroughs', []) if w.get('id') != WT_ID] + [walk]
for w in c['walkthroughs']:
    if w is walk: continue
    w['title'] = keyed(w['title'], f'walkthrough.{w["id"]}.title'); w['description'] = keyed(w['description'], f'walkthrough.{w["id"]}.description')

# --- everything else -----------------------------------------------------------------------------
m['displayName'] = keyed(m['displayName'], 'displayName')
m['description'] = keyed(m['description'], 'description')
uw = m.get('capabilities', {}).get('untrustedWorkspaces', {})
if 'description' in uw: uw['description'] = keyed(uw['description'], 'capabilities.untrustedWorkspaces.description')
vw = m.get('capabilities', {}).get('virtualWorkspaces', {})
if isinstance(vw, dict) and 'description' in vw: vw['description'] = keyed(vw['description'], 'capabilities.virtualWorkspaces.description')
for cm in c.get('commands', []):
    cid = short(cm['command'])
    for f in ('title', 'shortTitle'):
        if f in cm: cm[f] = keyed(cm[f], f'command.{cid}.{f}')
    if 'category' in cm: cm['category'] = keyed(cm['category'], 'command.category' if cm['category'] in ('Mailconf', '%command.category%') else f'command.{cid}.category')
confs = c.get('configuration', [])
for i, conf in enumerate(confs if isinstance(confs, list) else [confs]):
    if 'title' in conf: conf['title'] = keyed(conf['title'], 'configuration.title' if i == 0 else f'configuration.{i}.title')
    def props(prefix, properties):
        for name, p in properties.items():
            k = f'{prefix}{short(name)}'
            for f in ('description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage'):
                if f in p: p[f] = keyed(p[f], f'{k}.{f}')
            for f in ('enumDescriptions', 'markdownEnumDescriptions'):
                if f in p: p[f] = [keyed(v, f'{k}.{f}.{j}') for j, v in enumerate(p[f])]
            if p.get('type') == 'object' and 'properties' in p: props(f'{k}.', p['properties'])
            nested(k, p)
    def nested(k, p):
        # Object-valued and array-valued settings carry their own property descriptions.
        items = p.get('items')
        if isinstance(items, dict):
            if 'properties' in items: props(f'{k}.items.', items['properties'])
            nested(f'{k}.items', items)
        for alt in ('oneOf', 'anyOf'):
            for j, option in enumerate(p.get(alt, [])):
                if isinstance(option, dict):
                    if 'properties' in option: props(f'{k}.{alt}.{j}.', option['properties'])
                    nested(f'{k}.{alt}.{j}', option)
    props('config.', conf.get('properties', {}))
for container, views in c.get('views', {}).items():
    for v in views:
        if 'name' in v: v['name'] = keyed(v['name'], f'view.{short(v["id"])}.name')
        if 'contextualTitle' in v: v['contextualTitle'] = keyed(v['contextualTitle'], f'view.{short(v["id"])}.contextualTitle')
for place, conts in c.get('viewsContainers', {}).items():
    for v in conts:
        if 'title' in v: v['title'] = keyed(v['title'], f'viewsContainer.{short(v["id"])}.title')
for s in c.get('submenus', []):
    if 'label' in s: s['label'] = keyed(s['label'], f'submenu.{short(s["id"])}.label')
for w in c.get('viewsWelcome', []):
    if 'contents' in w: w['contents'] = keyed(w['contents'], f'viewsWelcome.{short(w["view"])}.contents')
m['l10n'] = './l10n'

if missing:
    print('MISSING TRANSLATIONS:'); print('\n'.join(missing)); sys.exit(1)
def write(path, obj):
    with open(path, 'w') as f: json.dump(obj, f, indent=2, ensure_ascii=False); f.write('\n')
write(P, m)
write(f'{ROOT}/package.nls.json', dict(sorted(en.items())))
write(f'{ROOT}/package.nls.es.json', dict(sorted(es.items())))
print('ok', len(en), 'keys')
