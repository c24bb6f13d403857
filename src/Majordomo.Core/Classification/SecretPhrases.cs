using System.Buffers;
using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Secrets stated in prose, in a dozen languages: "my PIN is 4821", "the password for the router is
/// tulip-Sunset", "código de verificación: 552 019", "девичья фамилия матери — Иванова". A secret noun
/// (password, PIN, one-time/recovery/verification code, CVV, seed phrase, security answer…) followed in
/// the same sentence by a value. Recall first: what counts as "not a value" is a short, explicit list
/// (descriptions like "too short", units like "6 digits", years after "in"), everything else is kept.
/// </summary>
internal static partial class SecretPhrases
{
    private enum Want
    {
        /// <summary>A value after a connector (is, :, =, ist, est, это, 是…): any word, digits or not.</summary>
        Word,

        /// <summary>Four or more digits, or a code of letters and digits.</summary>
        Digits,

        /// <summary>A security answer: any word after a connector ("maiden name is Kowalski", "first pet was Rex").</summary>
        Answer,

        /// <summary>A key or token: a value with lower-case letters and digits ("key is snowfox-2211-birch"), never a plain word.</summary>
        Token,

        /// <summary>A card's security code: three digits are enough ("güvenlik kodu 412"), besides what <see cref="Digits"/> takes.</summary>
        Short,

        /// <summary>"my … number": an id-like value (6+ characters, 4+ digits) unless the number is named as public (order, phone…).</summary>
        Personal,

        /// <summary>A bank number by a word that has other meanings ("routing", "checking"): eight digits or more.</summary>
        Account,

        /// <summary>A wallet's seed words: twelve lower-case words or more in a row (<see cref="SeedWords"/>).</summary>
        Seed,

        /// <summary>A login or a reused password's cue: a word-and-digits token anywhere in its sentence or the answer line (<see cref="BareValue"/>).</summary>
        Bare,

        /// <summary>A one-time code's noun: what <see cref="Digits"/> takes after it, or a code anywhere in its notification (<see cref="NoticeCode"/>).</summary>
        Notice,

        /// <summary>A notification's warning ("do not share", "请勿泄露"): a code anywhere in its message, no noun needed.</summary>
        Marker,

        /// <summary>A lock or a safe: what <see cref="Digits"/> takes, or its combination as three small numbers or dashed pairs, date-shaped too (<see cref="Combination"/>).</summary>
        Lock,

        /// <summary>A question told with its answer: only an answering verb and a name ("… question I answered Elm Row").</summary>
        Given,

        /// <summary>A word that names locks of every kind ("lock", "Schloss", "замок"): only a combination of small numbers (<see cref="Combination"/>).</summary>
        Dial,

        /// <summary>A mobile-money wallet (GCash, M-Pesa, bKash…): its holder's phone-shaped number after it (<see cref="WalletNumber"/>).</summary>
        Wallet,

        /// <summary>A Wi-Fi network, a router or a hotspot: a key with digits, or a chosen word joined by '_' in its sentence or the answer line (<see cref="AccessToken"/>).</summary>
        Access,
    }

    // Lower case; matched case-insensitively at a word start (CJK needs no boundary).
    private static readonly (string Phrase, Want Want)[] Phrases =
    [
        ("password", Want.Word), ("passcode", Want.Word), ("passphrase", Want.Word), ("pass phrase", Want.Word), ("pw", Want.Word),
        ("passwort", Want.Word), ("kennwort", Want.Word), ("mot de passe", Want.Word), ("mdp", Want.Word), ("contraseña", Want.Word),
        ("contrasena", Want.Word), ("senha", Want.Word), ("parola d'ordine", Want.Word), ("wachtwoord", Want.Word), ("hasło", Want.Word),
        ("haslo", Want.Word), ("пароль", Want.Word), ("密码", Want.Word), ("口令", Want.Word), ("パスワード", Want.Word), ("비밀번호", Want.Word),
        ("şifre", Want.Word), ("parolam", Want.Word), ("seed phrase", Want.Answer), ("recovery phrase", Want.Answer), ("mnemonic", Want.Answer),
        ("maiden name", Want.Answer), ("security question", Want.Answer), ("security answer", Want.Answer), ("first pet", Want.Answer),
        ("geburtsname", Want.Answer), ("mädchenname", Want.Answer), ("nom de jeune fille", Want.Answer), ("apellido de soltera", Want.Answer),
        ("nome de solteira", Want.Answer), ("девичья фамилия", Want.Answer), ("secret answer", Want.Answer), ("clave de acceso", Want.Word),
        ("pin", Want.Digits), ("pin code", Want.Digits), ("pincode", Want.Digits), ("пин", Want.Digits), ("cvv", Want.Short), ("cvc", Want.Short),
        ("security code", Want.Short), ("verification code", Want.Notice), ("one-time code", Want.Notice), ("one time code", Want.Notice),
        ("otp", Want.Notice), ("2fa", Want.Digits), ("auth code", Want.Notice), ("authentication code", Want.Notice), ("login code", Want.Notice),
        ("confirmation code", Want.Notice), ("recovery code", Want.Digits), ("backup code", Want.Digits), ("reset code", Want.Digits),
        ("unlock code", Want.Digits), ("access code", Want.Digits), ("door code", Want.Digits), ("alarm code", Want.Digits),
        ("gate code", Want.Digits), ("combination", Want.Digits), ("combinaison", Want.Digits), ("sms code", Want.Notice), ("mfa code", Want.Notice),
        ("bestätigungscode", Want.Notice), ("sicherheitscode", Want.Short), ("einmalcode", Want.Notice), ("wiederherstellungscode", Want.Digits),
        ("zugangscode", Want.Digits), ("code de vérification", Want.Notice), ("code de confirmation", Want.Notice), ("code de sécurité", Want.Short),
        ("code d'accès", Want.Digits), ("code secret", Want.Digits), ("código de verificación", Want.Notice), ("código de seguridad", Want.Short),
        ("código de acceso", Want.Digits), ("código de verificação", Want.Notice), ("código de segurança", Want.Short), ("código de acesso", Want.Digits),
        ("codice di verifica", Want.Notice), ("codice di sicurezza", Want.Short), ("codice", Want.Digits), ("verificatiecode", Want.Notice),
        ("beveiligingscode", Want.Short), ("toegangscode", Want.Digits), ("kod weryfikacyjny", Want.Notice), ("kod dostępu", Want.Digits),
        ("kod sms", Want.Notice), ("код подтверждения", Want.Notice), ("код доступа", Want.Digits), ("код из смс", Want.Notice),
        ("одноразовый код", Want.Notice), ("验证码", Want.Notice), ("动态码", Want.Notice), ("認証コード", Want.Notice), ("確認コード", Want.Notice),
        ("ワンタイム", Want.Notice), ("暗証番号", Want.Digits), ("인증번호", Want.Notice), ("tan", Want.Digits), ("code", Want.Digits),
        // One-time codes in a forwarded SMS or e-mail notification: the code stands anywhere in its message, often before the noun
        // ("618204 es tu clave", "G-482913 is your code"); a notification's warning is a cue of its own.
        ("approval code", Want.Notice), ("authorization code", Want.Notice), ("authorisation code", Want.Notice), ("security pin", Want.Notice),
        ("认证码", Want.Notice), ("校验码", Want.Notice), ("인증코드", Want.Notice), ("확인코드", Want.Notice), ("승인번호", Want.Notice),
        ("doğrulama kodu", Want.Notice), ("onay kodu", Want.Notice), ("tek kullanımlık", Want.Notice), ("código de confirmación", Want.Notice),
        ("clave de operación", Want.Notice), ("clave de confirmación", Want.Notice), ("codice otp", Want.Notice), ("engångskod", Want.Notice),
        ("bekräftelsekod", Want.Notice), ("kod autoryzacyjny", Want.Notice), ("kod potwierdzający", Want.Notice), ("ihre tan", Want.Notice),
        ("bevestigingscode", Want.Notice), ("freigabecode", Want.Notice), ("承認番号", Want.Notice), ("ワンタイムパスワード", Want.Notice),
        ("do not share", Want.Marker), ("don't share", Want.Marker), ("never share", Want.Marker), ("no la compartas", Want.Marker),
        ("no lo compartas", Want.Marker), ("no compartas", Want.Marker), ("não compartilhe", Want.Marker), ("nao compartilhe", Want.Marker),
        ("não partilhe", Want.Marker), ("nicht weitergeben", Want.Marker), ("niemals weiter", Want.Marker), ("ne le communiquez", Want.Marker),
        ("ne le partagez", Want.Marker), ("ne partagez", Want.Marker), ("non condividere", Want.Marker), ("non comunicare", Want.Marker),
        ("niet delen", Want.Marker), ("deel deze code", Want.Marker), ("nie udostępniaj", Want.Marker), ("nikomu nie", Want.Marker),
        ("никому не", Want.Marker), ("не сообщайте", Want.Marker), ("kimseyle paylaşma", Want.Marker), ("paylaşmayın", Want.Marker), ("dela inte", Want.Marker),
        ("请勿泄露", Want.Marker), ("切勿泄露", Want.Marker), ("请勿告诉", Want.Marker), ("勿告知", Want.Marker), ("誰にも教え", Want.Marker),
        ("他人に教え", Want.Marker), ("타인에게", Want.Marker), ("절대 알려", Want.Marker),
        ("pin number", Want.Digits), ("clave", Want.Word), ("lösenord", Want.Word), ("lösen", Want.Word), ("parola", Want.Word), ("비번", Want.Word),
        ("portkod", Want.Digits), ("koden", Want.Digits), ("kodu", Want.Digits), ("código", Want.Digits), ("codigo", Want.Digits), ("код", Want.Digits), ("コード", Want.Digits), ("kod", Want.Digits),
        ("cpf", Want.Digits), ("pesel", Want.Digits), ("kimlik", Want.Digits), ("carte vitale", Want.Digits), ("sécurité sociale", Want.Digits),
        ("seguridad social", Want.Digits), ("segurança social", Want.Digits), ("utente", Want.Digits), ("medicare", Want.Digits), ("身份证", Want.Digits),
        ("マイナンバー", Want.Digits), ("주민등록번호", Want.Digits), ("bsn", Want.Digits), ("personnummer", Want.Digits), ("codice fiscale", Want.Digits),
        ("nhs number", Want.Digits), ("nif", Want.Digits), ("nie", Want.Digits), ("numéro fiscal", Want.Digits), ("合言葉", Want.Answer), ("safe combination", Want.Lock), ("lock combination", Want.Lock),

        // Phrases that unlock something without being called a password.
        ("unlock phrase", Want.Word), ("secret phrase", Want.Word), ("master password", Want.Word), ("wifi", Want.Access), ("wi-fi", Want.Access), ("wlan", Want.Access),

        // Keys and tokens told in prose ("the key is snowfox-2211-birch", "токен 61234…"): only a value with digits counts.
        ("key", Want.Token), ("token", Want.Token), ("secret", Want.Token), ("clé", Want.Token), ("schlüssel", Want.Token), ("llave", Want.Token),
        ("chave", Want.Token), ("chiave", Want.Token), ("sleutel", Want.Token), ("klucz", Want.Token), ("ключ", Want.Token), ("токен", Want.Token),
        ("anahtar", Want.Token), ("nyckel", Want.Token), ("密钥", Want.Token), ("秘钥", Want.Token), ("キー", Want.Token), ("토큰", Want.Token),
        ("api키", Want.Token), ("비밀키", Want.Token), ("비밀 키", Want.Token),

        // Keypads, key safes and lockers: their code is often told without the word "code".
        ("keypad", Want.Lock), ("key safe", Want.Lock), ("keysafe", Want.Lock), ("lockbox", Want.Lock), ("key box", Want.Lock),
        ("combo", Want.Lock), ("locker", Want.Lock), ("padlock", Want.Lock), ("schlüsseltresor", Want.Lock), ("schlüsselkasten", Want.Lock),
        ("boîte à clés", Want.Lock), ("digicode", Want.Lock), ("cadenas", Want.Lock), ("caja de llaves", Want.Lock),
        ("candado", Want.Lock), ("cofre", Want.Lock), ("cadeado", Want.Lock), ("cassetta", Want.Lock), ("lucchetto", Want.Lock),
        ("sleutelkluis", Want.Lock), ("hangslot", Want.Lock), ("sejf", Want.Lock), ("kłódka", Want.Lock), ("кодовый замок", Want.Lock),
        ("домофон", Want.Digits), ("nyckelbox", Want.Lock), ("hänglås", Want.Lock), ("anahtar kutusu", Want.Digits), ("kapı kodu", Want.Digits),
        ("取件码", Want.Digits), ("提取码", Want.Digits), ("取货码", Want.Digits), ("门禁", Want.Digits), ("开门码", Want.Digits), ("安全码", Want.Short),
        ("校验码", Want.Digits), ("キーボックス", Want.Digits), ("セキュリティコード", Want.Short), ("보안코드", Want.Short), ("보안 코드", Want.Short),
        ("인증 코드", Want.Digits), ("도어락", Want.Digits),

        // Passports, insurance, member and patient numbers: an identifier follows.
        ("passport", Want.Digits), ("reisepass", Want.Digits), ("ausweis", Want.Digits), ("passeport", Want.Digits), ("pasaporte", Want.Digits), ("passaporte", Want.Digits),
        ("passaporto", Want.Digits), ("paspoort", Want.Digits), ("paszport", Want.Digits), ("паспорт", Want.Digits), ("pasaport", Want.Digits),
        ("护照", Want.Digits), ("パスポート", Want.Digits), ("여권", Want.Digits), ("policy number", Want.Digits), ("policy no", Want.Digits),
        ("member id", Want.Digits), ("member number", Want.Digits), ("membership number", Want.Digits), ("insurance number", Want.Digits),
        ("patient id", Want.Digits), ("patient number", Want.Digits), ("medical record", Want.Digits), ("pps number", Want.Digits),
        // A table's header cells in snake case, read only down their column (SecretPhrases.Tables).
        ("insurance_no", Want.Digits), ("insurance_number", Want.Digits), ("hospital_no", Want.Digits), ("patient_no", Want.Digits), ("nhs_no", Want.Digits),
        ("nhs_number", Want.Digits), ("nhs-number", Want.Digits), ("licence_no", Want.Digits), ("license_no", Want.Digits), ("licence_number", Want.Digits), ("license_number", Want.Digits),
        ("ppsn", Want.Digits), ("versichertennummer", Want.Digits), ("versicherungsnummer", Want.Digits), ("numéro d'assuré", Want.Digits),
        ("numéro de police", Want.Digits), ("número de afiliación", Want.Digits), ("número de póliza", Want.Digits), ("número da apólice", Want.Digits),
        ("número de utente", Want.Digits), ("numero di polizza", Want.Digits), ("tessera sanitaria", Want.Digits), ("polisnummer", Want.Digits),
        ("numer polisy", Want.Digits), ("номер полиса", Want.Digits), ("полис", Want.Digits), ("снилс", Want.Digits), ("инн", Want.Digits),
        ("poliçe", Want.Digits), ("försäkringsnummer", Want.Digits), ("保单号", Want.Digits), ("医保卡号", Want.Digits), ("保険証", Want.Digits),
        ("보험증", Want.Digits), ("iban", Want.Digits), ("kontonummer", Want.Digits), ("account number", Want.Digits), ("routing number", Want.Digits),

        // Card security codes in every corpus language: three digits are the whole secret.
        ("cvv2", Want.Short), ("cvc2", Want.Short), ("card verification", Want.Short), ("säkerhetskod", Want.Short), ("güvenlik kodu", Want.Short),
        ("kod bezpieczeństwa", Want.Short), ("kod cvv", Want.Short), ("код безопасности", Want.Short), ("cvv码", Want.Short), ("セキュリティーコード", Want.Short),

        // PINs by their other names: the SIM's PUK, the German Geheimzahl, the bank's TAN glued to its kind (mTAN, pushTAN: Boundaries).
        ("puk", Want.Digits), ("geheimzahl", Want.Digits), ("geheimnummer", Want.Digits), ("geheimcode", Want.Digits),

        // Alarms, gates and garage openers: their code is told as digits without the word "code".
        ("alarm", Want.Digits), ("alarme", Want.Digits), ("alarma", Want.Digits), ("allarme", Want.Digits), ("alarmanlage", Want.Digits),
        ("opener", Want.Digits), ("cancello", Want.Digits), ("portão", Want.Digits), ("portail", Want.Digits), ("sleutelkastje", Want.Digits),
        ("сигнализаци", Want.Digits), ("larmet", Want.Digits), ("警报", Want.Digits), ("警報", Want.Digits), ("경보", Want.Digits),

        // Bank accounts in every corpus language (a sort code, an account or checking number with its digits).
        ("acct", Want.Digits), ("account no", Want.Digits), ("bank account", Want.Digits), ("checking account", Want.Digits), ("savings account", Want.Digits),
        ("konto", Want.Digits), ("numéro de compte", Want.Digits), ("compte bancaire", Want.Digits), ("número de cuenta", Want.Digits), ("cuenta bancaria", Want.Digits),
        ("cuenta corriente", Want.Digits), ("conta bancária", Want.Digits), ("conto corrente", Want.Digits), ("rekeningnummer", Want.Digits), ("bankrekening", Want.Digits),
        ("numer rachunku", Want.Digits), ("numer konta", Want.Digits), ("номер счёта", Want.Digits), ("номер счета", Want.Digits), ("расчётный счёт", Want.Digits), ("hesap no", Want.Digits), ("hesap numara", Want.Digits),
        ("账号", Want.Digits), ("账户", Want.Digits), ("卡号", Want.Digits), ("银行卡", Want.Digits), ("口座", Want.Digits), ("계좌", Want.Digits),

        // Driving licences and identity cards (an id follows), and national numbers by their full names.
        ("driving licence", Want.Digits), ("driving license", Want.Digits), ("licence number", Want.Digits), ("license number", Want.Digits),
        ("führerschein", Want.Digits), ("permis de conduire", Want.Digits), ("carnet de conducir", Want.Digits), ("licencia de conducir", Want.Digits),
        ("carteira de motorista", Want.Digits), ("patente di guida", Want.Digits), ("rijbewijs", Want.Digits), ("prawo jazdy", Want.Digits),
        ("водительское удостоверение", Want.Digits), ("водительские права", Want.Digits), ("körkort", Want.Digits), ("ehliyet", Want.Digits),
        ("驾驶证", Want.Digits), ("驾照", Want.Digits), ("運転免許", Want.Digits), ("운전면허", Want.Digits), ("carte d'identité", Want.Digits),
        ("cédula", Want.Digits), ("documento de identidad", Want.Digits), ("carteira de identidade", Want.Digits), ("carta d'identità", Want.Digits),
        ("identiteitskaart", Want.Digits), ("dowód osobisty", Want.Digits), ("dowodu", Want.Digits), ("удостоверение личности", Want.Digits),
        ("id-kort", Want.Digits), ("在留カード", Want.Digits), ("신분증", Want.Digits), ("burgerservicenummer", Want.Digits), ("sofinummer", Want.Digits),
        ("netkey", Want.Digits), ("legitimations-id", Want.Digits), ("zugangsnummer", Want.Digits), ("my social", Want.Digits), ("social insurance", Want.Digits), ("tax file number", Want.Digits), ("steuernummer", Want.Digits), ("policy #", Want.Digits),

        // "my … number": a personal number by any name (the number words of every corpus language); public ones are named (order, phone…).
        ("number", Want.Personal), ("nummer", Want.Personal), ("numéro", Want.Personal), ("número", Want.Personal), ("numero", Want.Personal),
        ("numer", Want.Personal), ("номер", Want.Personal), ("numara", Want.Personal), ("번호", Want.Personal), ("番号", Want.Personal), ("号码", Want.Personal),

        // Code words and seed words by other names; keys and passes told with their value.
        ("кодовое слово", Want.Answer), ("code word", Want.Answer), ("codeword", Want.Answer), ("codewort", Want.Answer), ("wallet words", Want.Answer),
        ("seed words", Want.Answer), ("recovery words", Want.Answer), ("backup words", Want.Answer), ("frase semilla", Want.Answer),
        ("frase de recuperación", Want.Answer), ("frase de recuperação", Want.Answer), ("phrase de récupération", Want.Answer),
        ("wiederherstellungsphrase", Want.Answer), ("сид-фраз", Want.Answer), ("助记词", Want.Answer), ("シードフレーズ", Want.Answer),
        ("childhood best friend", Want.Answer), ("childhood friend", Want.Answer), ("favourite teacher", Want.Answer), ("favorite teacher", Want.Answer),
        ("first school", Want.Answer), ("pass", Want.Token), ("routing", Want.Account), ("checking", Want.Account), ("savings", Want.Account),
        ("六位", Want.Digits), ("6位", Want.Digits), ("四位", Want.Digits), ("4位", Want.Digits), ("pinkod", Want.Digits), ("pin-kod", Want.Digits),
        ("認証番号", Want.Digits), ("確認番号", Want.Digits), ("unlocks with", Want.Digits), ("unlock with", Want.Digits), ("allocataire", Want.Digits),
        ("card number", Want.Digits), ("número de tarjeta", Want.Digits), ("tarjeta sanitaria", Want.Digits), ("numéro de carte", Want.Digits),
        ("numero di carta", Want.Digits), ("número do cartão", Want.Digits), ("kartennummer", Want.Digits), ("kaartnummer", Want.Digits),
        ("numer karty", Want.Digits), ("номер карты", Want.Digits), ("kart numarası", Want.Digits),

        // Security questions in every language of the corpus; their answer is a name or a word.
        ("pregunta de seguridad", Want.Answer), ("respuesta de seguridad", Want.Answer), ("sicherheitsfrage", Want.Answer),
        ("sicherheitsantwort", Want.Answer), ("question de sécurité", Want.Answer), ("question secrète", Want.Answer), ("réponse secrète", Want.Answer),
        ("pergunta de segurança", Want.Answer), ("resposta de segurança", Want.Answer), ("domanda di sicurezza", Want.Answer),
        ("risposta di sicurezza", Want.Answer), ("beveiligingsvraag", Want.Answer), ("pytanie bezpieczeństwa", Want.Answer),
        ("pytanie pomocnicze", Want.Answer), ("контрольный вопрос", Want.Answer), ("контрольное слово", Want.Answer), ("säkerhetsfråga", Want.Answer),
        ("güvenlik sorusu", Want.Answer), ("安全问题", Want.Answer), ("密保", Want.Answer), ("秘密の質問", Want.Answer), ("보안 질문", Want.Answer),
        ("meisjesnaam", Want.Answer), ("nazwisko panieńskie", Want.Answer), ("kızlık soyadı", Want.Answer), ("flicknamn", Want.Answer),
        ("cognome da nubile", Want.Answer), ("nome de solteira", Want.Answer), ("旧姓", Want.Answer), ("first dog", Want.Answer), ("first cat", Want.Answer),
        ("primer perro", Want.Answer), ("primera mascota", Want.Answer), ("erstes haustier", Want.Answer), ("premier animal", Want.Answer),
        ("primeiro animal", Want.Answer), ("primo animale", Want.Answer),

        // Categories by their cue in every corpus language (SecretPhrases.Shapes): seed words after a wallet or recovery cue;
        // health insurance and patient numbers; recovery and backup codes; a server's password directive.
        ("seed", Want.Seed), ("mnemonic", Want.Seed), ("wallet", Want.Seed), ("recovery", Want.Seed), ("wiederherstellung", Want.Seed),
        ("récupération", Want.Seed), ("recuperación", Want.Seed), ("recuperação", Want.Seed), ("recupero", Want.Seed), ("herstel", Want.Seed),
        ("odzyskiw", Want.Seed), ("восстановлен", Want.Seed), ("сид", Want.Seed), ("助记词", Want.Seed), ("助記詞", Want.Seed), ("シード", Want.Seed),
        ("ニーモニック", Want.Seed), ("시드", Want.Seed), ("니모닉", Want.Seed), ("복구", Want.Seed), ("kurtarma", Want.Seed), ("återställning", Want.Seed),
        ("carteira", Want.Seed), ("cartera", Want.Seed), ("portefeuille", Want.Seed), ("portafoglio", Want.Seed), ("portfel", Want.Seed),
        ("кошел", Want.Seed), ("钱包", Want.Seed), ("ウォレット", Want.Seed), ("지갑", Want.Seed), ("cüzdan", Want.Seed), ("plånbok", Want.Seed),
        ("mrn", Want.Digits), ("hospital number", Want.Digits), ("polisnummer", Want.Digits), ("被保険者番号", Want.Digits), ("保険証", Want.Digits),
        ("保険者番号", Want.Digits), ("診察券", Want.Digits), ("カルテ番号", Want.Digits), ("tarjeta sanitaria", Want.Digits), ("tessera sanitaria", Want.Digits),
        ("versichertennummer", Want.Digits), ("versicherungsnummer", Want.Digits), ("número de afiliación", Want.Digits), ("número de utente", Want.Digits),
        ("numero di tessera", Want.Digits), ("numer ubezpieczenia", Want.Digits), ("полис", Want.Digits), ("sigorta numaras", Want.Digits),
        ("försäkringsnummer", Want.Digits), ("건강보험", Want.Digits), ("医保卡", Want.Digits), ("社保卡", Want.Digits), ("病历号", Want.Digits),
        ("numéro d'assuré", Want.Digits), ("reservkod", Want.Digits), ("backupkod", Want.Digits), ("återställningskod", Want.Digits),
        ("kod zapasow", Want.Digits), ("kody zapasow", Want.Digits), ("резервн", Want.Digits), ("code de secours", Want.Digits), ("codes de secours", Want.Digits),
        ("codici di backup", Want.Digits), ("códigos de backup", Want.Digits), ("herstelcode", Want.Digits), ("yedek kod", Want.Digits),
        ("バックアップコード", Want.Digits), ("リカバリーコード", Want.Digits), ("복구 코드", Want.Digits), ("백업 코드", Want.Digits), ("备用码", Want.Digits),
        ("恢复码", Want.Digits), ("requirepass", Want.Word),
        ("login", Want.Bare), ("log in", Want.Bare), ("log-in", Want.Bare), ("sign in", Want.Bare), ("sign-in", Want.Bare), ("signin", Want.Bare),
        ("account", Want.Bare), ("credentials", Want.Bare), ("everywhere", Want.Bare), ("for everything", Want.Bare), ("zugang", Want.Bare),
        ("anmeldung", Want.Bare), ("einloggen", Want.Bare), ("überall", Want.Bare), ("логин", Want.Bare), ("входа", Want.Bare), ("вход", Want.Bare),
        ("везде", Want.Bare), ("connexion", Want.Bare), ("identifiant", Want.Bare), ("partout", Want.Bare), ("acceso", Want.Bare),
        ("en todas partes", Want.Bare), ("acesso", Want.Bare), ("em todo lado", Want.Bare), ("accesso", Want.Bare), ("ovunque", Want.Bare),
        ("inloggen", Want.Bare), ("overal", Want.Bare), ("logowania", Want.Bare), ("zaloguj", Want.Bare), ("wszędzie", Want.Bare), ("giriş", Want.Bare),
        ("her yerde", Want.Bare), ("inloggning", Want.Bare), ("logga in", Want.Bare), ("överallt", Want.Bare), ("登录", Want.Bare), ("登入", Want.Bare),
        ("ログイン", Want.Bare), ("로그인", Want.Bare), ("konto", Want.Bare), ("cuenta", Want.Bare), ("conta", Want.Bare), ("compte", Want.Bare),
        ("user", Want.Bare), ("inloggning", Want.Bare),

        // Secret words by other names: a bank's memorable word, an alarm's duress or panic word, a school's secret word (SecretPhrases.Access).
        ("memorable word", Want.Answer), ("memorable information", Want.Answer), ("memorable data", Want.Answer), ("duress word", Want.Answer),
        ("duress code", Want.Answer), ("panic word", Want.Answer), ("safe word", Want.Answer), ("safeword", Want.Answer), ("secret word", Want.Answer),
        ("password word", Want.Answer), ("geheimwort", Want.Answer), ("losungswort", Want.Answer), ("merkwort", Want.Answer), ("mot secret", Want.Answer),
        ("mot de code", Want.Answer), ("mot mémorable", Want.Answer), ("palabra secreta", Want.Answer), ("palabra de seguridad", Want.Answer),
        ("palavra secreta", Want.Answer), ("palavra de segurança", Want.Answer), ("parola segreta", Want.Answer), ("parola di sicurezza", Want.Answer),
        ("codewoord", Want.Answer), ("geheim woord", Want.Answer), ("wachtwoordzin", Want.Answer), ("słowo kodowe", Want.Answer), ("hasło alarmowe", Want.Answer),
        ("секретное слово", Want.Answer), ("тревожное слово", Want.Answer), ("kodord", Want.Answer), ("lösenordsfras", Want.Answer),
        ("gizli kelime", Want.Answer), ("parola kelime", Want.Answer), ("暗号文字", Want.Answer), ("秘密の言葉", Want.Answer), ("暗语", Want.Answer),
        ("秘密词", Want.Answer), ("비밀 단어", Want.Answer), ("비밀단어", Want.Answer),

        // Safes and locks in every corpus language: a combination follows (German and Dutch compounds too: "Bürotresor").
        ("tresor", Want.Lock), ("safe code", Want.Lock), ("wall safe", Want.Lock), ("hotel safe", Want.Lock), ("the safe", Want.Lock), ("lock", Want.Dial),
        ("coffre-fort", Want.Lock), ("coffre fort", Want.Lock), ("caja fuerte", Want.Lock), ("cassaforte", Want.Lock), ("kluis", Want.Lock),
        ("сейф", Want.Lock), ("kassaskåp", Want.Lock), ("kasa şifre", Want.Lock), ("çelik kasa", Want.Lock), ("金庫", Want.Lock), ("保险柜", Want.Lock),
        ("保险箱", Want.Lock), ("密码锁", Want.Lock), ("금고", Want.Lock), ("자물쇠", Want.Lock), ("南京錠", Want.Lock), ("vorhängeschloss", Want.Lock),
        ("zahlenschloss", Want.Lock), ("fahrradschloss", Want.Lock), ("cadenas à code", Want.Lock), ("замок", Want.Dial), ("zamek", Want.Dial), ("lås", Want.Dial),

        // Routers, hotspots and networks by other names: the key is told as a chosen word ("seagull_deck_41").
        ("router", Want.Access), ("routeur", Want.Access), ("roteador", Want.Access), ("enrutador", Want.Access), ("роутер", Want.Access),
        ("hotspot", Want.Access), ("вайфай", Want.Access), ("вай-фай", Want.Access), ("와이파이", Want.Access), ("ルーター", Want.Access),
        ("ワイファイ", Want.Access), ("路由器", Want.Access), ("无线网", Want.Access), ("熱點", Want.Access), ("热点", Want.Access),

        // Ukrainian and Russian tax numbers (a table's header names the column; its rows are read as the header's next line).
        ("рнокпп", Want.Digits), ("іпн", Want.Digits), ("ипн", Want.Digits), ("ідентифікаційний код", Want.Digits), ("податковий номер", Want.Digits),
        ("kvnr", Want.Digits), ("versichertennr", Want.Digits), ("krankenversichert", Want.Digits),

        // A question and the answer given to it ("the 'street you grew up on' question I answered Elm Row", "à la question … j'ai répondu Trouville").
        ("question", Want.Given), ("frage", Want.Given), ("pregunta", Want.Given), ("pergunta", Want.Given), ("domanda", Want.Given), ("vraag", Want.Given),
        ("pytanie", Want.Given), ("вопрос", Want.Given), ("fråga", Want.Given), ("soru", Want.Given),

        // Everyday categories (SecretPhrases.Everyday).
        .. EverydayPhrases(),

        // Id documents by abbreviations and inflected forms, door and alarm codes in Hungarian (SecretPhrases.Documents).
        .. DocumentPhrases(),

        // Nouns in the languages the lists above left thin (SecretPhrases.Languages).
        .. LanguagePhrases(),
        .. LanguageSeedPhrases(),

        // Ids by the names an agent's material uses (SecretPhrases.AgentTraffic).
        .. AgentPhrases(),

        // Security questions by more forms (SecretPhrases.SecurityStories).
        .. StoryPhrases(),
        .. NextSentencePhrases(),

        // Patient and record numbers as pasted forms and letters label them (SecretPhrases.Pasted).
        .. PastedPhrases(),

        // Nouns typed short, split or transliterated in messy messages (SecretPhrases.Messy).
        .. MessyPhrases(),

        // Ids' nouns of more countries and card codes by where they are printed (SecretPhrases.WorldIds).
        .. WorldIdPhrases(),

        // Mobile-money wallets: their holder's number (SecretPhrases.MobileMoney).
        .. WalletPhrases(),

        // National, health and residence ids as forms label them (SecretPhrases.Records).
        .. RecordPhrases(),

        // Nouns of values in transcripts, scans and pasted tables (SecretPhrases.SpokenNumbers).
        .. SpokenPhrases(),
        // A combination lock's nouns with the lock's article after them (SecretPhrases.SpokenPasswords).
        .. CombinationPhrases(),

        // Passports by more names, parcel lockers' codes (SecretPhrases.Travel, SecretPhrases.Homes).
        .. TravelPhrases(),
        // A visa's number by its noun (SecretPhrases.Trips).
        .. VisaPhrases(),
        .. HomePhrases(),

        // Nouns long material's meetings and threads use (SecretPhrases.LogFields).
        .. LongMaterialPhrases(),

        // PINs, ids and accounts as romanised and code-switched messages name them (SecretPhrases.Romanised).
        .. RomanisedPhrases(),

        // Secret nouns of the less-resourced languages, one row a language (SecretPhrases.WorldLanguages).
        .. WorldLanguagePhrases(),
        // Ids, accounts and records in the languages of probe 34, a row a language (SecretPhrases.LocalIds).
        .. LocalIdPhrases(),
        // Insurance policies by their noun alone in every corpus language (SecretPhrases.Accounts).
        .. PolicyPhrases(),
        // A person's social, pension, insurance, health and residence numbers, and a named person's personnel and claim numbers,
        // as HR, health and insurance documents label them (SecretPhrases.Dossiers).
        .. DossierPhrases(),
        // Pay-TV smartcards by their noun first, as Italian prints it (SecretPhrases.PayTv).
        .. PayTvPhrases(),
        // A temporary password's adjective after its noun (SecretPhrases.Schools).
        .. SchoolPhrases(),
        // A Turkish list's "TC no" column (SecretPhrases.Counters).
        .. CounterPhrases(),
        // A loan's, a mortgage's and a brokerage's account numbers, a bank's online log-in id (SecretPhrases.Finance).
        .. FinancePhrases(),
        // Vetting certificates, holders' numbers, insurance contracts, a Turkish number before its noun, wallets by their names (SecretPhrases.FamilyLife).
        .. FamilyPhrases(),
        // The concepts an audit of the corpus's 22 most frequent languages found without a noun in some (SecretPhrases.LanguageGaps).
        .. LanguageGapPhrases(),
        // Residence documents, migration and benefits offices' numbers for a person, tax offices' codes (SecretPhrases.Government).
        .. GovernmentPhrases(),
        // Vehicle transfer and licence-check codes, drivers', charging and fuel cards, licences in more languages (SecretPhrases.Mobility).
        .. MobilityPhrases(),
        // Health insurers' member numbers, Arabic ids with a possessive ending (SecretPhrases.Healthcare).
        .. HealthPhrases(),
        // Students', candidates' and student-loan borrowers' numbers (SecretPhrases.Education).
        .. EducationPhrases(),
        // A Danish and Norwegian one-time code (SecretPhrases.SmallBusiness).
        .. SmallBusinessPhrases(),
    ];

    private static readonly SearchValues<string> Triggers = SearchValues.Create([.. TriggerPhrases.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);

    /// <summary>The secret nouns <see cref="Contains"/> looks for, and the spelled digits' starts (SensitivePrefilter finds their places from these).</summary>
    internal static IEnumerable<string> TriggerPhrases => Phrases.Select(p => p.Phrase).Concat(SpelledTriggers).Concat(EverydayTriggers).Concat(DocumentTriggers).Concat(DictationTriggers).Concat(PastedTriggers).Concat(LayoutFields).Concat(RoleIdTriggers).Concat(FinanceTriggers).Concat(HelpDeskTriggers).Concat(ResearchTriggers).Concat(HealthTriggers).Concat(HomeTriggers).Concat(EducationTriggers).Concat(SmallBusinessTriggers).Concat(["police"]);

    // Words joining the noun to its value: "is", ":", "=", "ist", "est", "это", "是", "は", "to" (changed/set to).
    private static readonly string[] Connectors =
    [
        "is", "was", "are", "were", "'s", "’s", "to", "equals", "ist", "war", "lautet", "lautete", "est", "était", "es", "era", "é", "è",
        "это", "—", "–", "->", "→", "是", "为", "為", "は", "는", "은", "är", "var", "c'est", "es:", "é:", "jest", "był", "brzmi", "zijn", "luidt", "is:", "now", "remains",
        "it's", "it’s", "been", "jetzt", "ahora", "maintenant", "agora", "adesso", "teraz", "теперь", "şimdi", "artık",
        // Vietnamese, Tagalog and Indonesian copulas (twenty-fourth session: "mật khẩu của tôi là …", "ang … ko ay …").
        "là", "ay", "adalah",
    ];

    // In a class of their own: built on the first use, once Connectors has initialised.
    private static class ConnectorWords
    {
        internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set =
            Connectors.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // What follows a connector when the sentence describes the secret instead of stating it.
    internal static readonly string[] Descriptions =
    [
        "required", "incorrect", "wrong", "invalid", "too", "not", "a", "an", "the", "correct", "expired", "missing", "empty", "set", "hashed",
        "stored", "being", "still", "weak", "strong", "secure", "long", "short", "case", "reset", "changed", "same", "different", "for", "in",
        "on", "of", "at", "to", "and", "or", "now", "also", "only", "mandatory", "optional", "hidden", "visible", "sent", "saved", "encrypted",
        "your", "my", "his", "her", "their", "our", "this", "that", "it", "what", "where", "who", "when", "which", "how", "something", "valid", "used", "needed", "generated", "protected",
        "reused", "shown", "masked", "verified", "unique", "null", "none", "nil", "undefined", "string", "int", "number", "text", "any",
        "password", "true", "false", "redacted", "here", "there", "field", "input", "value", "secret", "token", "key", "policy", "length",
        "strength", "manager", "hash", "rules", "requirements", "login", "expiring", "expires", "rotated", "managed", "checked", "compared",
        "open", "unlocked", "offen", "salted", "sensitive", "case-sensitive", "displayed", "printed", "logged", "blank", "unknown", "forgotten", "lost", "locked", "disabled",
        "enabled", "ok", "fine", "good", "bad", "easy", "hard", "simple", "complex", "important", "useless", "safe", "unsafe", "known", "public",
        "private", "personal", "typed", "entered", "read", "provided", "abgelaufen", "expiré", "expirado", "scaduta", "incorrecta", "curta",
        "forte", "fuerte", "fort", "stark", "gespeichert", "network", "router", "printed", "written", "reused", "accepted", "rejected", "correctly", "so", "very", "really", "just", "always", "never",
        "usually", "probably", "definitely", "no", "yes", "asked", "requested", "prompted", "sent", "texted", "emailed", "some", "one", "two",
        "le", "la", "les", "un", "une", "el", "los", "las", "der", "die", "das", "ein", "eine", "il", "lo", "het", "een", "de", "zu", "trop",
        "demasiado", "nicht", "pas", "não", "non", "ne", "не", "nie", "niet", "falsch", "faux", "incorrecto", "errado", "sbagliata", "fout",
        "неверный", "неправильный", "zu", "muy", "sehr", "très", "molto", "bem", "очень", "gespeichert", "stocké", "guardada", "salva",
        "secure", "sicher", "sûr", "propre", "clean", "segura", "sicura", "veilig", "надёжный", "typed", "getippt", "string.", "123", "1234", "0000",
        "12345", "123456", "abc", "xxx", "xxxx", "changeme", "example", "placeholder", "dummy", "test", "foo", "bar", "secret123",
        "all", "real", "fake", "made", "literally", "before", "after", "like", "back", "everywhere", "already", "kept", "geheim", "secreto",
        "segredo", "segreto", "sekret", "секрет", "hemlig", "gizli", "geheime", "such",
        // Comparatives: "¿cuál es más segura?" weighs secrets, tells none.
        "más", "mas", "mais", "plus", "mehr", "more", "less", "menos", "moins", "weniger", "better", "mejor", "melhor", "meilleur", "besser",
        "più", "meno", "migliore", "meer", "minder", "beter",
        // "La password del Wi-Fi è cambiata": changed, in the corpus languages (probe 27; the English "-ed" rule reads English only).
        "cambiata", "cambiato", "cambiada", "cambiado", "changée", "changé", "modifiée", "modifié", "geändert", "alterada", "alterado",
        "mudada", "mudado", "gewijzigd", "veranderd", "zmienione", "zmieniona", "изменён", "изменен", "değişti",
        // "… les accents, c'est normal ?": whether a thing is normal (probe 42).
        "normal", "normale", "normales", "normaux", "normais", "normale?", "usual", "normaal", "normalny", "нормально",
            // After the Vietnamese, Tagalog and Indonesian copulas: a question's word ("câu trả lời bảo mật là gì", "ay ano").
        "gì", "sao", "ano", "apa",
        // Czech and Polish instrumentals of a channel: "heslo e-mailem" (sent by e-mail), not a value.
        "e-mailem", "emailem", "mailem", "poštou", "telefonem", "smskou", "esemeskou",
    ];

    private static readonly string[] Units =
    [
        "digit", "digits", "character", "characters", "chars", "char", "seconds", "second", "sec", "secs", "minutes", "minute", "min", "mins",
        "hours", "hour", "days", "day", "ms", "attempts", "attempt", "tries", "times", "bits", "bit", "bytes", "byte", "users", "people",
        "years", "year", "weeks", "months", "%", "px", "ziffern", "stellen", "chiffres", "caractères", "dígitos", "caracteres", "cifre",
        "cijfers", "cyfr", "цифр", "wörter", "wörtern", "zeichen", "mots", "palabras", "palavras", "woorden", "символов", "位", "桁", "자리", "文字", "字符", "자", .. LocalCurrencies, "word", "wort", "mot", "palabra", "palavra", "parola", "lines", "line", "loc", "files", "rows", "tokens", "words", "euros", "dollars", "usd", "eur", "€", "$", "accounts", "requests", "entries", "items", "passwords", "logins", "sites", "users",
        // Digits in the languages of probe 24 ("13 หลัก", "11 haneli", "12 chữ số", "8 tarakimu").
        "หลัก", "hane", "haneli", "haneden", "rakam", "chữ số", "ký tự", "tarakimu", "رقم", "رقمی", "अंक", "अंकों", "cyfry", "číslic", "számjegy", "ψηφία",
    ];

    // "code" alone is a secret only when no word before it says what else it is (error code 1042, zip code 94110).
    private static readonly string[] NotSecretCodes =
    [
        "error", "status", "exit", "return", "response", "http", "source", "sample", "example", "country", "area", "postal", "zip", "promo",
        "discount", "coupon", "product", "item", "dial", "language", "iso", "airport", "qr", "bar", "color", "colour", "machine", "byte",
        "op", "escape", "ansi", "unicode", "ascii", "char", "character", "key", "event", "reason", "result", "fault", "tracking", "reference",
        "python", "java", "c#", "js", "legacy", "dead", "old", "new", "clean", "test", "library", "framework", "err", "error:", "errno",
        "sort", "ifsc", "bsb", "branch", "routing", "transit", // a bank's branch (probe 18): printed on every statement
        "claude", "vs", "escaped", "generated", // a product and a program's text (this repository's docs: "Claude Code", "JSON-escaped code")
        "post", // "a post code 1969…" (probe 39), as "postal"
        "friend", // a gaming platform's friend code is a handle shared to be added (probe 30; docs/LABELLING.md: a gamer tag)
        "paper", "course", "module", "subject", // an exam paper's or a course's code ("paper code 8300/1H")
    ];

    private static readonly string[] YearWords = ["in", "since", "from", "until", "before", "after", "im", "seit", "en", "depuis", "desde", "dal", "sinds", "od", "в", "с"];

    /// <summary>True when a secret noun in <paramref name="text"/> is followed, in its sentence, by a value.</summary>
    public static bool Contains(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var hit = text[offset..].IndexOfAny(Triggers);
            if (hit < 0)
            {
                return false;
            }

            var at = offset + hit;
            if (Check(text, at))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    /// <summary>Whether a secret noun starting at <paramref name="at"/> is followed by a value.</summary>
    internal static bool Check(ReadOnlySpan<char> text, int at)
    {
        if ((SpelledAt(text, at) && !PublicSpelled(text, at)) || EverydayAt(text, at) || DocumentAt(text, at) || PastedAt(text, at) || StickerKeyAt(text, at)
            || SteamLetterCodeAt(text, at) || ActivationLetterCodeAt(text, at) || LayoutAt(text, at) || RoleIdAt(text, at) || PolicyAfterInsurerAt(text, at)
            || FinanceAt(text, at) || HelpDeskAt(text, at) || ResearchAt(text, at) || HealthcareAt(text, at) || HomeAt(text, at) || EducationAt(text, at) || SmallBusinessAt(text, at))
        {
            return true;
        }

        var rest = text[at..];
        foreach (var (phrase, want) in PhrasesAt(rest))
        {
            // As PhrasesAt's first two, a third or fourth character that folds apart from the phrase's cannot match it: a table lookup
            // each before the compare (a hit of "key" meets "kennwort", "kela-kortti", "kennitala"…, and "key," meets "key box", "key
            // safe", "keypad", "keysafe" past its third; issue 16 item 4). The same answer.
            if ((phrase.Length > 2 && (rest.Length < 3 || SensitivePrefilter.FoldOf(rest[2]) != SensitivePrefilter.FoldOf(phrase[2])))
                || (phrase.Length > 3 && (rest.Length < 4 || SensitivePrefilter.FoldOf(rest[3]) != SensitivePrefilter.FoldOf(phrase[3])))
                || !rest.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A dump of hashed PINs or passwords under their column's or key's name (SensitiveScanner.Mobility); a licence's check code
            // by its printed groups, whatever else the sentence names (SecretPhrases.Mobility).
            if ((want is Want.Digits or Want.Word && SensitiveScanner.HashedSecretDump(text, at, at + phrase.Length)) || LicenceCheckCode(text, at, phrase) || V5cReference(text, at, phrase))
            {
                return true;
            }

            // A table's header naming an id or a password column, read down its rows; a wallet's key in a config's accounts (SecretPhrases.AgentTraffic).
            if ((want is Want.Digits or Want.Word or Want.Account && HeaderColumn(text, at, at + phrase.Length, password: want == Want.Word, pin: phrase == "pin")
                    && !(IsCodeWord(phrase) && ActivityCodeBefore(text, at)) && !CellEndsAtNoun(text, at, at + phrase.Length))
                || (phrase == "account" && SensitiveScanner.WalletKeyInAccounts(text, at)) || RecordField(text, at, phrase) || EducationIdColumn(text, at, at + phrase.Length, phrase))
            {
                return true;
            }

            if (SnakeHeader(phrase))
            {
                if (NamedPairValue(text, at, at + phrase.Length))
                {
                    return true;
                }

                continue;
            }

            // A key's Spanish or Portuguese noun naming a variable assigned a key in code; the password's own word chosen as the
            // password (SecretPhrases.Counters).
            if ((phrase is "clave" or "chave" or "llave" && KeyAssignedInCode(text, at)) || (want == Want.Word && OwnWordAsPassword(text, at)))
            {
                return true;
            }

            if (!Boundaries(text, at, phrase) || NounInResourceName(text, at) || NounInCode(text, at, phrase) || (want == Want.Token && SensitiveScanner.NotCredentialKey(text, at, at + phrase.Length)))
            {
                continue;
            }

            if (phrase == "code" && (!SecretCode(text, at) || (at + 4 < text.Length && text[at + 4] == '=')))
            {
                continue;
            }

            // "şifresi", "Passwörter", "PIN-Code:": the value follows the whole word.
            var end = at + phrase.Length;
            while (end < text.Length && char.IsLetter(text[end]) && phrase[0] < 0x2E80)
            {
                end++;
            }

            // Code is dense in "key", "token", "session" and no value follows them: whether one does is read first, and the guards
            // that take a value back only when it does. Both are pure, so the answer is the one of guards first (issue 16 item 4).
            // NeverAsked searches words before every hit (some only by the slow non-ASCII path): last, with the guards.
            if ((ValueAfter(text, at, end, phrase, want) || TurkishYearCode(text, at, end, phrase)) && !NotAValue(text, at, end, phrase, want) && !NeverAsked(text, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The guards of <see cref="Check"/>: what stands after the noun ending at <paramref name="end"/> is no secret's value.</summary>
    private static bool NotAValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        // A business's number, a secret given elsewhere, a phone after "my number", a documented dummy (SecretPhrases.Records).
        (want is not (Want.Answer or Want.Seed) && RecordNotValue(text, at, end, want))
        // A first pet, car or school with no security, bank or login cue near it is a memory (SecretPhrases.SecurityStories).
        || (want == Want.Answer && HistoryNoun(phrase) && !SecurityCue(text, at, end))
        // "código postal", "kod błędu", "Posta kodu", "エラーコード": a code named as public in any language.
        || (IsCodeWord(phrase) && PublicCode(text, at, end))
        // A noun in capitals inside a placeholder (USER:PASSWORD, USERNAME:TOKEN@, <PASSWORD>) and a PGP key id after "key" (SecretPhrases.LookAlikes).
        || PlaceholderNoun(text, at, phrase.Length) || PublicKeyId(text, end)
        // A lock, a code or a password of a game, a puzzle or a children's club (SecretPhrases.Games).
        || GameValue(text, at, end, want, phrase)
        // A device's default (the password is the user name) and a receipt's authorisation code are no secrets (SecretPhrases.Everyday).
        || (want == Want.Word && ((SameAsUser(text, at, end) && !DefaultStillInUse(text, at)) || SensitiveScanner.InSealedBlock(text, at))) || ((want == Want.Notice || phrase is "code" or "código" or "codice") && ReceiptCode(text, at)) || PostalPin(text, at, end, phrase)
        // A Kenyan company's KRA PIN on its receipt (SecretPhrases.Marketplaces).
        || (phrase is "pin" or "pin no" or "pin number" && CompanyKraPin(text, end))
        // A masked value, a promotion's code, a key's id; the account a password is for (SecretPhrases.Pasted). A trivial PIN
        // taken back as a joke ("1234 lol jk"; SecretPhrases.Messy).
        || PastedNotValue(text, at, end, phrase, want) || (want is Want.Digits or Want.Word && JokeValue(text, end))
        // A safe's factory default; a form's security question with no answer (SecretPhrases.Defaults, SecretPhrases.FormQuestions).
        || (want is Want.Digits or Want.Lock or Want.Word && FactoryDefault(text, at, end)) || (want == Want.Answer && FormQuestion(text, end, phrase))
        // A noun naming a field: a document's kind as a payload's value, one of the fields an instruction lists; a booking's PNR; a number
        // with a smudged digit (SecretPhrases.FieldNames, SecretPhrases.Puzzles).
        || NounAsFieldValue(text, at, end) || (ListedForExtraction(text, at, end) && !CountingAccountBesideBank(text, at, end, phrase)) || PnrNotPersonal(text, end, phrase) || SmudgedNumber(text, end)
        // A CI cache's key, a value the documentation publishes as its example or test value (SecretPhrases.DevArtefacts).
        || DevArtefactNotValue(text, at, end, want)
        // A noun inside a compound's name ("Passwort-Reset-Mail"; SecretPhrases.Transcripts).
        || NounInCompound(text, end)
        // A settings screen's app password by its label, trivial codes compared, a document's expiry year (SecretPhrases.Phones).
        || (want == Want.Word && (AppPasswordLabel(text, at, end) || QuotedDummy(text, at, end))) || (want == Want.Digits && (TrivialCodesCompared(text, end) || YearAfterDocument(text, end, phrase)))
        // A booking's reference after a passport's noun, a locker's own id, "default: none", one default for user and password
        // (SecretPhrases.Travel, SecretPhrases.Homes).
        || BookingValue(text, end) || HomeNotValue(text, at, end, phrase) || (want == Want.Word && BothSameDefault(text, at, end) && !DefaultStillInUse(text, at))
        // A service's or a queue's number, an id's first digits, a validator's weights after an id's noun (SecretPhrases.WorldIds).
        || (want is Want.Digits or Want.Account or Want.Wallet or Want.Personal && WorldIdNotValue(text, at, end, phrase, want))
        // A code's quoted key answered by a constant or a variable; a flag naming the field to read (SecretPhrases.ToolLookAlikes).
        || (want == Want.Word && (CodeReference(text, at, end) || FieldFlag(text, at)))
        // French "combinaison" is also a ski suit or a wetsuit, sold by size (SecretPhrases.CommonWords).
        || (phrase == "combinaison" && SuitNamed(text, end))
        // A redaction tag ("[SSN]"), a value a bot replaced ("cvv [REDACTED], …"), a number declared a dummy (SecretPhrases.BackOffice).
        || RedactionTag(text, at) || RedactedAfter(text, end) || (want is Want.Digits or Want.Account or Want.Personal && DummyAfterNoun(text, end))
        // A format shown with an example counting up ("CPF … 12345678909 virar 123.456.789-09"; SecretPhrases.Material).
        || (want != Want.Word && CountingExamplesAfter(text, end))
        // The number after the noun has its own public name ("fel konto … (fakturanummer 70031-2026)"; SecretPhrases.Material).
        || (want is Want.Digits or Want.Account or Want.Personal && OwnPublicName(text, end))
        // A bank's name with no account's digits right after it ("BDO sa Sabado? 0900", "Meezan Bank ki helpline …"; SecretPhrases.Romanised).
        || (want == Want.Account && BankNameAlone(text, at, end))
        // A commit's hash, an AWS account id, a store's key name, a project token, a creditor id; a key or token named public; a Wi-Fi's
        // network named by a naming verb; where a password word is kept (SecretPhrases.PublicIds, SecretPhrases.Leftovers).
        || ServiceIdAfter(text, at, end) || PublicNoun(text, at, end) || (want == Want.Access && NetworkFirst(text[end..Math.Min(text.Length, end + 80)]))
        || (want == Want.Answer && Withheld(text, at, end))
        // India's UTR, a transfer's reference (SecretPhrases.Counters).
        || (phrase == "utr" && UtrTransfer(text, at))
        // A shop's promotion code, a terminal's numbers, a vendor's sandbox login, a slip's approval code, a storefront's token, a
        // company's tax number (SecretPhrases.SmallBusiness).
        || SmallBusinessNotValue(text, at, end, phrase, want)
        // A snapshot's empty field, a code block, a notice's example, a trip's or a payment's reference, masked tails (SecretPhrases.BrowserAgents).
        || BrowserPageNotValue(text, at, end, phrase, want)
        // A supply point's, a meter's, a fine's or a terminal's reference; a Pix key that is an e-mail, a phone or a UUID (SecretPhrases.ServiceReferences).
        || ServiceReference(text, at, end, phrase)
        // A postal, error or QR code named in the less-resourced languages ("पिन कोड", "საფოსტო კოდი"; SecretPhrases.WorldLanguages).
        || WorldPublicCode(text, at, end, phrase)
        // A format's example counting up ("ABCDE1234F"), a helpline answering a question about an id (SecretPhrases.LocalIds).
        || (want == Want.Digits && LocalIdNotValue(text, end, phrase))
        // An empty form field, a cookie's name with its attributes, trivial codes the user calls fake (SecretPhrases.WebForms); a
        // biller's account on its bill (SecretPhrases.Accounts).
        || EmptyFormValue(text, end) || CookieAttributeAfter(text, end) || (want is Want.Digits or Want.Notice or Want.Marker or Want.Short && DeclaredFakeCodes(text, at, end))
        || (want is Want.Digits or Want.Account or Want.Personal && BillerAccountAfter(text, end))
        // Another cell's value in a table, an invoice's number (SecretPhrases.Tables).
        || TableValue(text, at, end, phrase) || (want is Want.Digits or Want.Account && DocumentNumberAfter(text, end) && !HospitalNumberNoun(phrase)) || TestValueAfter(text, end)
        // A personnel, claim or file number's noun with no person named near it; a masked value or a template's zeros (SecretPhrases.Dossiers).
        || (want == Want.Digits && RecordWithoutPerson(text, at, end, phrase)) || (want is Want.Digits or Want.Account or Want.Personal && MaskedOrZeros(text, end) && !SlotLeftOnZeros(text, at, end, phrase))
        // A key's file named by its path ("Will attempt key: /Users/ana/.ssh/id_ed25519"; SecretPhrases.WorkOutput).
        || PathAfter(text, end) || TrimmedValue(text, end) || ExampleIbanAfter(text, end)
        // A year after an insurance or tax number's noun; a smart card with no pay-TV near, the municipal tax IUC (SecretPhrases.OwnNumbers, SecretPhrases.PayTv).
        || (want == Want.Digits && YearAfterInsuranceNoun(text, end, phrase)) || PayTvNotValue(text, at, end, phrase)
        // A secrets.yaml reference, a slogan's possessive, a tool's name, a form asked by its first digits (SecretPhrases.VoiceHomes).
        || VoiceHomeNotValue(text, at, end, want)
        // A helpline named after its number ("UPI PIN, १९३० हेल्पलाइन"; SecretPhrases.OwnScripts).
        || (want is Want.Digits or Want.Notice && HelplineAfterNoun(text, end))
        // A parcel's tracking number after a code's noun, a new list item's number after an account's clause (SecretPhrases.SupportDesk).
        || SupportDeskNotValue(text, end, phrase, want)
        // A test fixture's zero PIN (SecretPhrases.Judged).
        || (want is Want.Digits or Want.Short && ZeroPinInFixture(text, at, end))
        // Stripe's publishable key, Stripe named in its line; a loyalty programme's member number (SecretPhrases.Trips).
        || StripePublishableAfter(text, end) || (phrase.StartsWith("member", StringComparison.Ordinal) && TripNumberNamed(text, at, end))
        // HMRC's example National Insurance number in a sentence about an example or a test (SecretPhrases.Schools).
        || ExampleNinoAfter(text, at, end)
        // A biller's account code with letters, a list's next row number, an account's tail named in its words (SecretPhrases.Households).
        || HouseholdNotValue(text, at, end, phrase, want)
        // A password manager named as the tool, two-step verification named as a state, an app's name with digits (SecretPhrases.Finance).
        || FinanceNotValue(text, at, end, phrase, want)
        // An animal's record, a travel pass, a Pix key named, a contract with no insurance near, a value called an example (SecretPhrases.FamilyLife).
        || FamilyNotValue(text, at, end, phrase)
        // A tax form's number after a PIN's noun ("… or only the federal 1040?"), "NB" not before an INSS number (SecretPhrases.Government).
        || (want == Want.Digits && TaxFormAfterNoun(text, end)) || (phrase == "nb " && !BenefitNumberAfter(text, end))
        // A link, a publishable key, a count or a host after the noun, an adjective, a name's or a count's noun, a table's cell, a
        // security question asked (SecretPhrases.HelpDesk).
        || HelpDeskNotValue(text, at, end, phrase, want)
        // A study's approval number, a pseudonymised subject's code, a password manager's folder, a trivial PIN weighed (SecretPhrases.Research).
        || ResearchNotValue(text, at, end, phrase, want)
        // A check or share code with no licence near, a policy with no insurance near (SecretPhrases.Mobility).
        || MobilityNotValue(text, at, phrase)
        // A member number with no health or insurance word near, a form's own number, another key's value in code (SecretPhrases.Healthcare).
        || HealthNotValue(text, at, end, phrase, want)
        // A meter's serial, a broadband or a utility's account, an OpenWrt section's name (SecretPhrases.Home).
        || HomeTelecomNotValue(text, at, end, phrase)
        // A course's, a class's or a school's code, a service named with whose password it is, an id's format asked, a recovery key's id
        // (SecretPhrases.Education).
        || EducationNotValue(text, at, end, phrase, want);

    /// <summary>Whether the noun <paramref name="phrase"/> ending at <paramref name="end"/> is followed by a value of its kind.</summary>
    private static bool ValueAfter(ReadOnlySpan<char> text, int at, int end, string phrase, Want want)
    {
        end = want == Want.Word ? PastAccountName(text, end) : end;
        if (EverydayValue(text, end, want, phrase) || LanguageValue(text, end, want, phrase) || (want == Want.Word && PlainWordPassword(text, at, end, phrase)) || StoryValue(text, at, end, phrase) || MessyValue(text, end, want)
            || SurfaceValue(text, end, want) || CodesInNextSentence(text, end, phrase) || IdInNextQuestion(text, end, want) || RecordKeyAfter(text, end, phrase)
            || (want == Want.Digits && DictatedWithCommas(text, at, end)) || (want is Want.Word or Want.Access && QuotedAfterColon(text, end))
            || (want is Want.Digits or Want.Personal && OwnCountingValue(text, at, end)) || (want is Want.Digits or Want.Word or Want.Short or Want.Notice && OwnWeakCode(text, at, end)) || (want == Want.Digits && phrase[0] < 0x2E80 && (PinBeforeNoun(text, at) || JudgedPinInUse(text, at, phrase))) || (want is Want.Digits or Want.Word && CopulaBeforeNoun(text, at)) || FamilyValue(text, at, end, phrase, want) || CodeAfterColon(text, end, phrase)
            || (want is Want.Digits or Want.Short && UsedWeakCode(text, at, end)) || MobilityCardValue(text, end, phrase))
        {
            return true;
        }

        if (want == Want.Bare)
        {
            // "the spare laptop login is now tangerine river 58": a login's passphrase of plain words and a number (SecretPhrases.OlderFiles).
            return BareValue(text, at, end) || RunOnPassphrase(LineFrom(text, end, 120));
        }

        if (want == Want.Wallet)
        {
            return WalletNumber(text, at, end);
        }

        if (want == Want.Seed)
        {
            return SeedWords(text, end);
        }

        if (want is Want.Notice or Want.Marker && NoticeCode(text, at, end, warning: want == Want.Marker))
        {
            return true;
        }

        if (want == Want.Marker || (want == Want.Personal && !PersonalNumber(text, at, end)))
        {
            return false;
        }

        // "Passwords are encouraged": a plural noun names passwords in general, a plain word after it is no value.
        var plural = phrase[0] < 0x2E80 && end - (at + phrase.Length) is 1 or 2 && text[end - 1] == 's';
        // Polish joins a noun to its value with "to" ("słowo kodowe to jarzębina"), which English uses otherwise.
        var polish = phrase.AsSpan().IndexOfAny("ąćęłńśźż") >= 0 || phrase.StartsWith("haslo", StringComparison.Ordinal);
        return Value(text, end, want == Want.Notice ? Want.Digits : want, cjk: phrase[0] >= 0x2E80, plural, polish, nounAt: at, idMin: IdNouns.Contains(phrase) ? 5 : 0);
    }

    // A bare "code" is a secret's name only after a word like door, alarm, gate, its, the…; not after error, exit, zip.
    private static bool SecretCode(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at].TrimEnd(" \t");
        // "step \"integration-tests\" exited with code 1": a process's exit status (probe 35's CI logs).
        if (ExitStatus(before))
        {
            return false;
        }
        var start = before.Length;
        while (start > 0 && (char.IsLetterOrDigit(before[start - 1]) || before[start - 1] == '#'))
        {
            start--;
        }

        var word = before[start..];
        if (word.IsEmpty)
        {
            // "alarm: code is 5580" and a sentence or line that starts with "Code is 3-8-8-1" name it; after other
            // punctuation the word before decides ("key safe by the door, code 6204"; "npm ERR! code ERESOLVE" does not).
            if (before.IsEmpty || before[^1] is ':' or '.' or '\n' or '\r')
            {
                return true;
            }

            if (before[^1] is not (',' or ';' or '-' or '–' or '—'))
            {
                return false;
            }

            before = before.TrimEnd(" \t,;-–—");
            start = before.Length;
            while (start > 0 && char.IsLetterOrDigit(before[start - 1]))
            {
                start--;
            }

            word = before[start..];
            if (word.IsEmpty)
            {
                return false;
            }
        }

        foreach (var other in NotSecretCodes)
        {
            if (word.Equals(other, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    // The words for "code" in every corpus language (each is a phrase of its own: a bare code is a secret unless named as public).
    private static bool IsCodeWord(string phrase) => phrase is "code" or "código" or "codigo" or "codice" or "kod" or "kodu" or "код" or "koden" or "コード" || IsLanguageCodeWord(phrase) || IsWorldCodeWord(phrase);

    // A code named as public by the word before it ("Posta kodu", "Hata kodu") or the word after it, past a "de/di/d'" ("código postal",
    // "code d'erreur", "kod błędu", "код ошибки", "código de área"); CJK names it just before ("エラーコード", "郵便コード").
    private static bool PublicCode(ReadOnlySpan<char> text, int at, int end)
    {
        if (text[at] >= 0x2E80)
        {
            var before = text[Math.Max(0, at - 4)..at];
            foreach (var name in (ReadOnlySpan<string>)["エラー", "ソース", "郵便", "商品", "ステータス", "QR", "バー", "国"])
            {
                if (before.EndsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // A header's snake case names it too ("sic_code", "error_code").
        var previous = text[..at].TrimEnd(" \t_");
        var start = previous.Length;
        while (start > 0 && char.IsLetter(previous[start - 1]))
        {
            start--;
        }

        if (NotSecretCode(previous[start..]))
        {
            return true;
        }

        var after = text[end..];
        for (var word = 0; word < 2; word++)
        {
            after = after.TrimStart(" \t");
            var length = 0;
            while (length < after.Length && (char.IsLetter(after[length]) || after[length] is '\'' or '’'))
            {
                length++;
            }

            var next = after[..length];
            var elided = next.IndexOfAny('\'', '’');
            next = elided >= 0 ? next[(elided + 1)..] : next; // d'erreur → erreur
            if (NotSecretCode(next))
            {
                return true;
            }

            if (!(next is "de" or "di" or "do" or "da" or "del" or "du" or "des" or "della" or "dello" or "dos" or "das") || elided >= 0)
            {
                return false;
            }

            after = after[length..];
        }

        return false;
    }

    // An activity's classification codes: public register fields ("sic_code", "SIC code", "code APE" is PublicCode's).
    private static readonly string[] ActivityCodes = ["naf", "ape", "nace", "sic", "naics", "ateco", "cnae"];

    /// <summary>One of <see cref="ActivityCodes"/> names the code at <paramref name="at"/> just before it, past a space or a snake case's '_'.</summary>
    private static bool ActivityCodeBefore(ReadOnlySpan<char> text, int at)
    {
        var previous = text[..at].TrimEnd(" \t_");
        var start = previous.Length;
        while (start > 0 && char.IsLetter(previous[start - 1]))
        {
            start--;
        }

        foreach (var name in ActivityCodes)
        {
            if (previous[start..].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NotSecretCode(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        foreach (var list in (ReadOnlySpan<string[]>)[NotSecretCodes, PublicCodeNames, LanguagePublicCodes])
        {
            foreach (var other in list)
            {
                if (word.Equals(other, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // What names a code as public in the other corpus languages (next to NotSecretCodes' English ones).
    private static readonly string[] PublicCodeNames =
    [
        "postal", "postale", "pocztowy", "pocztowego", "почтовый", "posta", "área", "país", "pays", "paese", "erreur", "errore", "erro", "błędu",
        "ошибки", "ошибка", "hata", "fehler", "avviamento", "barras", "barres", "promocional", "descuento", "desconto", "sconto", "réduction",
        "rabatowy", "скидки", "indirim", "fuente", "fonte", "sorgente", "estado", "statut", "stato", "ответа", "programa", "programme",
        "programma", "seguimiento", "rastreamento", "suivi", "tracciamento", "producto", "produit", "prodotto", "produto", "artículo",
        "articolo", "pedido", "commande", "ordine", "zamówienia", "заказа", "sipariş", "lingua", "idioma", "langue", "języka", "языка",
        "dil", "room", "región", "région", "regione", "região", "страны", "ülke", "telefonico", "telefónico", "telefone", "téléphonique",
        "swift", "bic", "ean", "html", "css", "postais", "postales", "postali", "postaux", "pratica", "pratiche",
        // An activity's classification and a tax's payment codes ("code APE", "SIC code", "codice tributo", "codice ente"), a product's in Turkish.
        "naf", "ape", "nace", "sic", "naics", "ateco", "cnae", "tributo", "ente", "catastale", "ürün",
        // A supplier's customer code on every bill ("Codice cliente: 301 447 812"; probe 31: D37076, D37323).
        "cliente", "clienti", "clientes", "client", "customer", "utenza",
        "booking", "reservation", "réservation", "reserva", "reservación", "prenotazione", "boeking", "rezerwacji", "бронирования", "rezervasyon", "pnr",
        "buchung", "κράτησης", // a booking's compound and genitive (probe 22)
        "rastreio", "rastreo", "envío", "envio", "envoi", "spedizione", "expédition", "sendung", "sendungs", "przesyłki", "śledzenia", "отслеживания",
        "посылки", "отправления", "takip", "kargo", "spårning", "spårningskod", "zending", "verzending", "track", "tracking", "colis",
        "evento", "richiesta", "événement", "demande", "solicitud", "solicitação", "anfrage", "ereignis", "vorgang", // a notice's reference (probe 20)
        .. RomanisedPublicCodes,
    ];

    // "my … number is 204781394": a possessive before the number word, no word naming it public (order, phone, tracking…).
    private static bool PersonalNumber(ReadOnlySpan<char> text, int at, int end)
    {
        // A shop's, a utility's or a telecom's customer number (docs/LABELLING.md; SecretPhrases.SupportDesk).
        if (CustomerNumberNamed(text, at, end) || TripNumberNamed(text, at, end))
        {
            return false;
        }

        if (text[at] >= 0x2E80)
        {
            var before = text[Math.Max(0, at - 12)..at];
            // "我自己的号码", "自分の番号", "本人的号码": one's own number, as a developer says of the id they test a validator with (probe 20).
            // Korean "내"/"제" ("my") are words of their own: "결제 번호" (a payment's number) ends another word in 제 (probe 37).
            var mine = before.Contains("我的", StringComparison.Ordinal) || before.Contains("私の", StringComparison.Ordinal) || before.Contains("僕の", StringComparison.Ordinal)
                || KoreanMy(before, "내 ") || KoreanMy(before, "제 ") || before.Contains("나의", StringComparison.Ordinal)
                || before.Contains("自己的", StringComparison.Ordinal) || before.Contains("自分の", StringComparison.Ordinal) || before.Contains("本人的", StringComparison.Ordinal);
            return mine && !NamedPublic(before, anywhere: true);
        }

        // Turkish says "my" with a suffix: "numaram", "numaramız".
        var owned = text[at..end].StartsWith("numaram", StringComparison.OrdinalIgnoreCase);
        var from = at;
        while (from > 0 && char.IsLetter(text[from - 1]))
        {
            from--;
        }

        // The compound's own qualifier ("Rechnungsnummer", "bestelnummer") and up to three words before it.
        if (NamedPublic(text[from..at]))
        {
            return false;
        }

        var words = 0;
        var i = from;
        while (words < 4 && i > 0)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t')
            {
                i--;
            }

            var wordEnd = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is '\'' or '’'))
            {
                i--;
            }

            if (i == wordEnd)
            {
                break; // punctuation: the phrase starts here
            }

            var word = text[i..wordEnd];
            if (NamedPublic(word))
            {
                return false;
            }

            owned |= Possessive(word);
            words++;
        }

        if (!owned)
        {
            return false;
        }

        // Words after the number word, up to its value ("numéro de commande", "номер заказа").
        var after = text[end..Math.Min(text.Length, end + 40)];
        foreach (var range in after.SplitAny(" \t"))
        {
            var word = after[range].Trim(".,:;!?()'\"");
            if (word.IsEmpty)
            {
                continue;
            }

            if (word.ContainsAnyInRange('0', '9'))
            {
                break;
            }

            if (NamedPublic(word))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Possessive(ReadOnlySpan<char> word) => OneOf(word, Possessives);

    // Whether the word is one of the list's (ignoring case).
    internal static bool OneOf(ReadOnlySpan<char> word, string[] list)
    {
        foreach (var entry in list)
        {
            if (word.Equals(entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] Possessives =
    [
        "my", "our", "mein", "meine", "meiner", "meines", "meinen", "unsere", "unser", "mon", "ma", "mes", "notre", "mi", "mis", "nuestro",
        "nuestra", "meu", "minha", "nosso", "nossa", "mio", "mia", "mijn", "onze", "ons", "mój", "moja", "moje", "mojego", "mojej", "мой", "моя",
        "моё", "мое", "мои", "моего", "наш", "наша", "min", "mitt", "mina", "vår", "vårt", "benim",
    ];

    /// <summary>
    /// Whether a word of <paramref name="before"/> names the number after it public (order, invoice, phone, parcel…; a
    /// word in a script without spaces, "我的订单号", is searched inside).
    /// </summary>
    internal static bool NamesPublicNumber(ReadOnlySpan<char> before)
    {
        var i = 0;
        while (i < before.Length)
        {
            while (i < before.Length && !char.IsLetter(before[i]))
            {
                i++;
            }

            var start = i;
            while (i < before.Length && char.IsLetter(before[i]))
            {
                i++;
            }

            var word = before[start..i];
            if (!word.IsEmpty && NamedPublic(word, anywhere: word[0] >= 0x2E80))
            {
                return true;
            }
        }

        return false;
    }

    // A number named as public: what identifies a parcel, an order, a phone line, a page, a product or a room, not a person.
    private static bool NamedPublic(ReadOnlySpan<char> word, bool anywhere = false)
    {
        foreach (var stem in PublicNumberStems)
        {
            if (anywhere ? word.Contains(stem, StringComparison.OrdinalIgnoreCase) : word.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PublicNumberStems =
    [
        "order", "track", "phone", "mobile", "cell", "fax", "invoice", "receipt", "booking", "reservation", "confirmation", "flight", "ticket",
        "case", "claim", "reference", "version", "model", "serial", "part", "item", "product", "article", "page", "room", "seat", "table", "house",
        "street", "apartment", "flat", "issue", "build", "line", "port", "lucky", "favo", "random", "bestell", "auftrag", "sendung", "rechnung",
        "telefon", "handy", "zimmer", "haus", "artikel", "seite", "modell", "serie", "buchung", "flug", "commande", "suivi", "colis", "téléphone",
        "portable", "facture", "réservation", "vol", "chambre", "pedido", "seguimiento", "teléfono", "móvil", "celular", "factura", "reserva",
        "vuelo", "habitación", "página", "rastreamento", "telefone", "fatura", "encomenda", "quarto", "ordine", "spedizione", "telefono",
        "cellulare", "fattura", "prenotazione", "volo", "camera", "pagina", "bestel", "zending", "telefoon", "mobiel", "factuur", "vlucht",
        "kamer", "zamówieni", "przesył", "telefon", "faktur", "rezerwac", "заказ", "отслежив", "телефон", "рейс", "брон", "комнат", "верси",
        "sipariş", "kargo", "takip", "fatura", "rezervasyon", "uçuş", "oda", "주문", "운송장", "전화", "휴대폰", "송장", "예약", "注文", "追跡",
        "電話", "予約", "部屋", "订单", "快递", "运单", "电话", "手机", "房间", "航班", "whatsapp", "signal", "contact", "kontakt", "pakket", "paket",
        "package", "parcel", "paquete", "pacote", "pacco", "paczk", "посыл", "包裹", "荷物", "소포", "kolli", "伝票", "送り状", "受付", "問い合わせ",
        "isbn", "ean", "gtin", "sku", "hp", "telp", "ordre", "pesanan", "rendel", "objedn", "tilaus", "comand", "παραγγελ", "τηλέφων", "הזמנה",
        "טלפון", "طلب", "هاتف", "جوال",
        // Devices, vehicles, companies, containers, customs and posts (probe 18): public numbers printed like ids.
        "imei", "kvk", "cnpj", "siren", "siret", "vat", "btw", "tva", "handelsregister", "hrb", "container", "conteneur", "contenedor",
        "kontener", "контейнер", "konteyner", "customs", "zoll", "douane", "aduana", "ref", "appointment", "termin", "пошт", "почт", "відправлен", "ттн",
        // Probe 24: lines, queues, appointments, orders and shipments in more languages (the Arabic article glued to the noun).
        "hotline", "helpline", "callcent", "randevu", "antrian", "paybill", "localizador", "الطلب", "طلبي", "الشحنة", "شحنة", "تتبع", "سفارش", "پیگیری",
        "অর্ডার", "ট্র্যাকিং", "पार्सल", "gönderi", "paragon",
        // A utility's meter (docs/LABELLING.md: meter serials are references): "表号 3308…", "Zählernummer 1ESY…", "meter no. 4187…".
        "meter", "zähler", "compteur", "contatore", "licznik", "счётчик", "счетчик", "表号", "电表", "水表", "メーター", "계량기", "मीटर",
        .. RomanisedPublicStems,
        .. LocalPublicStems,
    ];

    // A card's security code: a number of exactly three digits standing alone ("CVV is 318", "güvenlik kodu 412"), not a count of a unit.
    private static bool ShortCode(ReadOnlySpan<char> window)
    {
        for (var i = 0; i + 2 < window.Length; i++)
        {
            if (char.IsAsciiDigit(window[i]) && char.IsAsciiDigit(window[i + 1]) && char.IsAsciiDigit(window[i + 2])
                && (i == 0 || !char.IsLetterOrDigit(window[i - 1]) && window[i - 1] is not ('/' or '.' or ',' or '-') || IsCjk(window[i - 1]))
                && (i + 3 == window.Length || !char.IsLetterOrDigit(window[i + 3]) && window[i + 3] is not ('/' or '.' or ',' or '-') || window[i + 3] is '.' or ',' && (i + 4 == window.Length || window[i + 4] == ' ')
                    || IsCjk(window[i + 3]))
                && !Described(window, i, i + 3, allDigits: true) && !window.Slice(i, 3).SequenceEqual("123") && !window.Slice(i, 3).SequenceEqual("000"))
            {
                return true;
            }
        }

        return false;
    }

    // Latin and Cyrillic phrases start and end at word boundaries ("pin" is not "spinning" or "pine");
    // CJK phrases need none. A trailing letter is allowed for plurals and compounds like "passwords",
    // "PIN-Code", "Passwort:" — but not for the short, ambiguous ones.
    private static bool Boundaries(ReadOnlySpan<char> text, int at, string phrase)
    {
        // A QR payload's field (";P:") follows the field before it.
        if (LocalAcronymNotInCapitals(text, at, phrase) || DossierAcronymNotInCapitals(text, at, phrase))
        {
            return false;
        }

        if (phrase[0] >= 0x2E80 || phrase[0] == ';' || GluedStart(text, at, phrase) || UnspacedScript(phrase[0]))
        {
            return !WorldNounRunsOn(text, at + phrase.Length, phrase);
        }

        // "我的PIN码是4821": a Latin acronym glued to its CJK noun stands in CJK text; a Latin letter or digit before it is a longer word's.
        if (phrase[^1] >= 0x2E80 && (at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1])))
        {
            return !WorldNounRunsOn(text, at + phrase.Length, phrase);
        }

        // A Latin noun glued to CJK or kana ("台紙にPUK 47188230", "PUK码是 61839204"): the script's change is the word's edge (probe 54).
        if (GluedToCjk(text, at, phrase))
        {
            return true;
        }

        // Part of an identifier (db_password, $password, user.password, #mdp, password_hash): code, not prose;
        // an assignment in code is SensitiveScanner's to judge.
        if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '.' or '$' or '#' or '@' or '/') && !SlashJoinedNoun(text, at, phrase))
        {
            // German, Dutch and Swedish compounds end in the noun: "Routerpasswort", "wifiwachtwoord", "bankkodlösenord".
            // "mTAN", "pushTAN": a bank's one-time number glued to its kind. "burgerservicenummer": a number's compound.
            return char.IsLetter(text[at - 1]) && (phrase is "passwort" or "kennwort" or "wachtwoord" or "lösenord" && CompoundStart(text, at)
                || phrase == "tan" && text.Slice(at, 3).SequenceEqual("TAN") && (at + 3 == text.Length || !char.IsLetter(text[at + 3]))
                || phrase is "nummer" or "number"
                || phrase is "tresor" or "reisepass" or "ausweis" or "versichertennummer" or "versicherungsnummer" or "versichertennr" or "kluis" && CompoundStart(text, at)
                || phrase is "code" or "kod" && SecretCompound(text, at)
                || phrase == "code" && CompoundStart(text, at) && !PublicCompound(text, at)); // "Entsperrcode", not "Fehlercode"
        }

        var end = at + phrase.Length;
        if (StemEnds(text, end, phrase))
        {
            return true;
        }

        if (end < text.Length && text[end] is '_')
        {
            return false;
        }

        if (end >= text.Length || !char.IsLetter(text[end]))
        {
            // "pin", "tan", "pw", "otp" and "cvv" stand alone; "TAN" only in capitals (not the colour or tangent); "nie" only as the
            // Spanish id (SecretPhrases.CommonWords), not Polish "not" or German "never".
            return phrase switch
            {
                "tan" => text.Slice(at, 3).SequenceEqual("TAN"),
                "nie" => NieNoun(text, at),
                _ => true,
            };
        }

        // Plurals and inflections of the longer nouns: "passwords", "şifreniz", "hasła", "пароля", "Kennwortes".
        var suffix = 0;
        while (end + suffix < text.Length && char.IsLower(text[end + suffix]))
        {
            suffix++;
        }

        // "Reisepassnummer", "Ausweisnummer", "Reisepassnr": an id document's number by its compound (SecretPhrases.OlderFiles).
        if (phrase is "reisepass" or "ausweis" && text.Slice(end, suffix) is var tail && (tail.StartsWith("nummer", StringComparison.Ordinal) || tail is "nr"))
        {
            return true;
        }

        // "combos", not "comboio" (Portuguese for a train).
        return phrase.Length > 4 && suffix <= (phrase == "combo" ? 1 : 4) && (phrase != "combo" || suffix == 0 || text[end] == 's')
            && (end + suffix >= text.Length || !char.IsLetter(text[end + suffix]));
    }

    // "Fehlercode", "Postcode", "Gutscheincode", "Barcode": a compound whose first part names the code as public.
    private static bool PublicCompound(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var prefix = text[start..at];
        // "Decode", "Encode", "Transcode": a verb, not a code's compound (probe 18).
        if (prefix.Equals("de", StringComparison.OrdinalIgnoreCase) || prefix.Equals("en", StringComparison.OrdinalIgnoreCase)
            || prefix.Equals("re", StringComparison.OrdinalIgnoreCase) || prefix.Equals("trans", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var list in (ReadOnlySpan<string[]>)[NotSecretCodes, PublicCodeNames, PublicCodePrefixes])
        {
            foreach (var word in list)
            {
                if (word.Length >= 2 && prefix.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] PublicCodePrefixes =
    [
        "fehler", "post", "status", "quell", "programm", "länder", "rabatt", "gutschein", "produkt", "artikel", "zeichen", "maschinen", "bar",
        "uni", "op", "pseudo", "short", "time", "farb", "html", "iso", "zip", "promo", "antwort", "rückgabe", "beispiel", "ziel", "vorwahl",
        "freundes", // "Steam-Freundescode": a handle (probe 30)
    ];

    // The compound is a word of letters starting with a capital (a noun), not an identifier such as "dbpasswort".
    private static bool CompoundStart(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return char.IsUpper(text[start]) && (start == 0 || !(char.IsDigit(text[start - 1]) || text[start - 1] is '_' or '.' or '$' or '#' or '@' or '/'));
    }

    // Looks for the value in the rest of the sentence (up to 80 characters, a line break or ". ").
    private static bool Value(ReadOnlySpan<char> text, int from, Want want, bool cjk, bool plural, bool polish = false, int nounAt = -1, int idMin = 0)
    {
        // "Krankenversichertennr. A123…": a number word's abbreviating dot ends no sentence.
        if (from + 1 < text.Length && text[from] == '.' && from >= 2 && (text[(from - 2)..from].Equals("nr", StringComparison.OrdinalIgnoreCase) || Abbreviation(text[..from])))
        {
            from++;
        }

        // A combination told as turns is long ("gira a la derecha hasta 33, luego …"); a router's key often comes in the next sentence.
        // Not past a quoted mail header: another message starts there (SecretPhrases.Pasted).
        var full = OwnCell(BeforeMailHeader(text[from..BeforeCutNumber(text, from, Math.Min(text.Length, from + (want is Want.Lock or Want.Dial ? 160 : 80)))]));
        var stop = SentenceEnd(full);
        if (want == Want.Access && stop < full.Length && full[stop] is '。' or '.' && stop + 1 < full.Length)
        {
            var second = SentenceEnd(full[(stop + 1)..]);
            stop += 1 + second;
        }

        // A validator's documented test number named as such ("the BSN test value 111222333", "… mag als testgeval"; probe 27), and
        // a Wi-Fi's network named before any key ("the Wi-Fi network is HarbourView-5G"): no one's id, no key (SecretPhrases.Leftovers).
        if ((want == Want.Digits && SensitiveScanner.NamesTestValue(full)) || (want == Want.Access && NetworkFirst(full)))
        {
            return false;
        }

        var window = full[..stop];
        var found = want switch
        {
            Want.Digits => DigitValue(window, minChars: idMin, idNoun: idMin > 0) || LockTurns(window) || (cjk && ShelfCode(window)),
            Want.Lock => DigitValue(window) || LockTurns(window) || Combination(window),
            Want.Dial => Combination(window) || ChangedFromDefault(window),
            Want.Given => GivenAnswer(window, answersOnly: true),
            Want.Access => WordValue(window, Want.Token, plural) || (cjk && CjkValue(window, Want.Token)) || DigitValue(window, minChars: 12) || AccessToken(NounClause(window)),
            Want.Short => DigitValue(window) || ShortCode(window),
            Want.Personal => DigitValue(window, minChars: 6),
            Want.Account => DigitValue(window, minChars: 8),
            // A Wi-Fi key of digits ("Key: 4471 9920 1183 5562"): twelve digits or more.
            Want.Token => WordValue(window, want, plural) || (cjk && CjkValue(window, want)) || DigitValue(window, minChars: 12),
            _ => WordValue(window, want, plural, polish) || StrongToken(NounClause(window)) || (cjk && (CjkValue(window, want) || (want == Want.Word && GluedScriptPassword(full)))) || QuotedValue(window, want)
                || (want == Want.Word && DigitValue(window, pin: true))
                || (want == Want.Answer && (GivenAnswer(window) || BoundedAnswer(window))),
        };
        // A code read aloud with a pause inside ("6 0 4 … 呃 … 9 1 7"; SecretPhrases.Dictation): the sentence's dots are the pause.
        // A PIN or a password stated again in the next sentence; a security answer in brackets (SecretPhrases.AgentTraffic).
        if (found || (want is Want.Digits or Want.Short or Want.Lock or Want.Word && PausedValue(full))
            || (want is Want.Digits or Want.Word or Want.Short && stop < full.Length && full[stop] is '.' or '。' or '!'
                && (ValueInNextSentence(text, from + stop + 1) || TypedInNextSentence(text, from + stop + 1) || (want is not Want.Short && DigitsAsSentence(text, from + stop + 1))))
            || (want == Want.Answer && BracketedAnswer(window))
            || (stop < full.Length && full[stop] == '。' && want is Want.Digits or Want.Lock or Want.Word && ValueOpensNextSentence(text, from + stop + 1))
            || (want == Want.Answer && stop < full.Length && full[stop] == '.' && QuotedInNextSentence(text, from + stop + 1))
            || (want == Want.Digits && stop < full.Length && full[stop] is '.' or '!' or '?' && IdInNextSentence(text, from + stop + 1))
            // A password told as the real one in the next sentence or line, or opening it (SecretPhrases.OlderFiles).
            || (want is Want.Word or Want.Access && stop < full.Length && full[stop] is '.' or '。' or '!' or '\n'
                && (RealOneInNextSentence(text, from + stop + 1) || (full[stop] is not '\n' && ChosenOpensNextSentence(text, from + stop + 1))))
            || (want == Want.Lock && stop < full.Length && full[stop] is '.' or '。' && DashedCombination(full[(stop + 1)..][..SentenceEnd(full[(stop + 1)..])])))
        {
            return true;
        }

        // A chat's Wi-Fi question answered on the next line with the network and its key, asked with or without its mark (SecretPhrases.OlderFiles).
        if (want == Want.Access && stop < full.Length && full[stop] is '?' or '？' or '\n' && KeyAfterNetwork(text[(from + stop + 1)..Math.Min(text.Length, from + stop + 121)]))
        {
            return true;
        }

        // A question in a chat or thread ("what's the gate code?") is answered on the next line or turn; a
        // code's name is often answered on the next line without one. A question inside a quoted string
        // ("Forgot your password?" in a translation file) is a label, not a chat.
        var question = want is not (Want.Token or Want.Personal or Want.Dial or Want.Given) && stop < full.Length && (full[stop] is '?' or '？' && (stop + 1 >= full.Length || full[stop + 1] is not ('"' or '\'' or '”'))
            || (want is Want.Digits or Want.Short or Want.Lock && (full[stop] is '\n' or '\r' || (full[stop] == '.' && stop + 1 < full.Length && full[stop + 1] is '\n' or '\r'))));
        // "Is 0000 a bad PIN? Same as 1234?": a question about an example code compares codes after it (SecretPhrases.Judged).
        if (!question || (want is Want.Digits or Want.Short or Want.Lock && nounAt >= 0 && JudgedExampleQuestion(text, nounAt)))
        {
            return false;
        }

        // A table pasted after the question is the material asked about, not an answer: its header row comes first (SecretPhrases.Layouts).
        if (HeaderRowNext(text, from + stop + 1))
        {
            return false;
        }

        // Not past a reference it names or a quoted mail header (SecretPhrases.Pasted); a chat export's line has its time stamp.
        var next = AnswerSpan(text[(from + stop + 1)..Math.Min(text.Length, from + stop + 121)], nounAt >= 0 ? text[nounAt..from] : []);
        // "Is this fixture OK or should the password use ASCII digits?" over a fixture's "'pin' => '00000'" (SecretPhrases.Judged).
        if (nounAt >= 0 && ZerosInFixture(text, nounAt, next))
        {
            return false;
        }

        // An id's or an account's answer is as long as its value in the sentence: five characters or more ("… XXXX XXXX 1234" is none).
        // A number plate given after the question is public, no answer to it (SecretPhrases.Mobility).
        return want is Want.Digits or Want.Short or Want.Lock ? (DigitValue(next, minChars: idMin) && !PlateAnswer(next)) || (want == Want.Lock && Combination(next))
            : !NetworkNamed(next) && ((want == Want.Access && AccessToken(next)) || Answered(next) || ChatAnswer(next, want));
    }

    // The next turn after a question: "tom: 3391", "> me: HillHouse_22", "Ana: 9021".
    private static bool Answered(ReadOnlySpan<char> next)
    {
        if (DigitValue(next) || StrongToken(next))
        {
            return true;
        }

        // A speaker's line: a short name, a colon and the answer ("Ana: HillHouse_22"), not a label like
        // "Conversation data (data, not instructions):".
        foreach (var range in next.Split('\n'))
        {
            var line = next[range];
            // A pasted block under the question is its material, not an answer: a code fence ends the reading, an indented
            // "key: value" line is a config's (docker compose's "image: ghcr.io/…"; probe 35).
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                break;
            }

            var colon = line.IndexOf(':');
            if (line is [' ' or '\t', ..])
            {
                continue;
            }

            if (colon is > 0 and <= 24 && line[..colon].IndexOfAny("()[]\"") < 0 && !FieldList(line[(colon + 1)..]) && Candidate(line[(colon + 1)..], connector: true, plain: true))
            {
                return true;
            }
        }

        return false;
    }

    // Probe 27: an agent's status line after the user's question ("Runtime: agent=main | host=homebox", OpenClaw's
    // footer, now read with the words) opens with a field's name and '=': a list of settings, no one's answer.
    private static bool FieldList(ReadOnlySpan<char> answer)
    {
        answer = answer.TrimStart();
        var name = answer.IndexOfAnyExcept(IdentifierChars);
        return name > 0 && answer[name] == '=';
    }

    // A token of 7+ letters and digits with at least two digits and three letters ("Rosewood1987") near a
    // password word is its value, however the sentence is phrased.
    private static bool StrongToken(ReadOnlySpan<char> window)
    {
        var i = 0;
        while (i < window.Length)
        {
            if (!char.IsAsciiDigit(window[i]) && !(char.IsLetter(window[i]) && !IsCjk(window[i])))
            {
                i++;
                continue;
            }

            // A log line's other field ("req=de9a1c7e-…"): that name's value, not the noun's (SecretPhrases.LogFields).
            if (i > 1 && window[i - 1] == '=' && char.IsLetter(window[i - 2]))
            {
                i = OtherFieldEnd(window, i);
                continue;
            }

            // Letters of any script but CJK, digits, and symbols inside ("Wisła#2031", "Boğaz-Martı-35").
            int start = i, digits = 0, letters = 0;
            while (i < window.Length && (char.IsAsciiDigit(window[i]) || (char.IsLetter(window[i]) && !IsCjk(window[i]))
                || (window[i] is '#' or '!' or '*' or '&' or '%' or '@' or '-' or '+' or '.' && i + 1 < window.Length && char.IsLetterOrDigit(window[i + 1]) && !IsCjk(window[i + 1])
                    && (window[i] != '.' || (i > start && char.IsLetterOrDigit(window[i - 1]))))))
            {
                digits += char.IsAsciiDigit(window[i]) ? 1 : 0;
                letters += char.IsLetter(window[i]) ? 1 : 0;
                i++;
            }

            var glued = (start > 0 && window[start - 1] is '_' or '.' or '$') || (i < window.Length && (window[i] is '_' or '(' || char.IsLetter(window[i])));
            // "a 24-word one", "12-digit": a count with its unit describes the secret.
            if (!glued && i - start >= 7 && !FileOrHost(window[start..i]) && digits >= 2 && letters >= 3 && !ProductVersion(window[start..i]) && !DummyValue(WholeToken(window, start, i)) && !DummyValue(window[start..i]) && !Counted(window[start..i]))
            {
                return true;
            }
        }

        return false;
    }

    // "Kumsal.2024" is a password; "report2024.pdf" and "mail2.example.com" end in a name's extension or domain.
    private static bool FileOrHost(ReadOnlySpan<char> token)
    {
        var dot = token.LastIndexOf('.');
        return dot >= 0 && token.Length - dot - 1 is >= 1 and <= 4 && token[(dot + 1)..].IndexOfAnyExceptInRange('a', 'z') < 0;
    }

    // The whitespace-delimited token around [start, end), without quotes and end punctuation ("'Tr0ub4dor&3'?" → Tr0ub4dor&3).
    private static ReadOnlySpan<char> WholeToken(ReadOnlySpan<char> text, int start, int end)
    {
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[start..end].Trim("'\"`“”„«»()[]{},.;:!?");
    }

    private static int SentenceEnd(ReadOnlySpan<char> window)
    {
        // Every end below stands on one of SentenceMarks: the walk goes from one to the next (issue 16 item 4).
        for (var i = 0; i < window.Length; i++)
        {
            var mark = window[i..].IndexOfAny(SentenceMarks);
            if (mark < 0)
            {
                break;
            }

            i += mark;
            var c = window[i];
            // A question quoted in brackets ("「好きな食べ物は？」は『おもち』") goes on past its mark.
            if (c is '\n' or '\r' or '。' || (c is '？' or '！' && (i + 1 == window.Length || window[i + 1] is not ('」' or '』' or '”'))))
            {
                return i;
            }

            // "Wq7!harbor" is a password, not two sentences.
            if (c is '?' or '!' && (i + 1 == window.Length || char.IsWhiteSpace(window[i + 1]) || window[i + 1] is '"' or '\'' or ')'))
            {
                return i;
            }

            // "licence no. SMITH751203", "Führerschein-Nr. B072…": an abbreviation's dot ends no sentence.
            // "quelque part... c'est 7316": an ellipsis before a word in lower case goes on with the sentence (probe 18).
            if (c == '.' && (i + 1 == window.Length || window[i + 1] == ' ') && !Abbreviation(window[..i]) && !Ordinal(window, i) && !NumberMark(window, i)
                && !(i >= 2 && window[i - 1] == '.' && window[i - 2] == '.' && i + 2 < window.Length && char.IsLower(window[i + 2])))
            {
                return i;
            }
        }

        return window.Length;
    }

    // The characters SentenceEnd may stop on.
    private static readonly SearchValues<char> SentenceMarks = SearchValues.Create("\n\r。？！?!.");

    private static bool Abbreviation(ReadOnlySpan<char> before)
    {
        var start = before.Length;
        while (start > 0 && char.IsLetter(before[start - 1]))
        {
            start--;
        }

        var word = before[start..];
        return word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("nr", StringComparison.OrdinalIgnoreCase)
            || word.Equals("num", StringComparison.OrdinalIgnoreCase) || word.Equals("núm", StringComparison.OrdinalIgnoreCase)
            || word.Equals("ref", StringComparison.OrdinalIgnoreCase);
    }

    // Four or more digits (single spaces inside join groups: "552 019"), or a code of 6+ letters, digits
    // and dashes with at least two digits ("A7BX-99QZ", "x7k2-m9pq"); not a year after "in", not a count of a unit.
    private static bool DigitValue(ReadOnlySpan<char> window, int minChars = 0, bool pin = false, bool idNoun = false)
    {
        // Every value below holds two ASCII digits at least: a window without one holds none, and its word-by-word reading (a
        // placeholder IBAN asked at every word) is skipped (issue 16 item 4: code after "key" and "token" is mostly words).
        if (!window.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        var i = 0;
        while (i < window.Length)
        {
            // "otp failed user=2207": a number after another name's '=' is that name's value, all of it up to the next space
            // ("req=0795f9c8-42a6-…", "user_id=u_40476": a log line's other fields; SecretPhrases.LogFields).
            if (i > 1 && window[i - 1] == '=' && char.IsLetter(window[i - 2]) && char.IsLetterOrDigit(window[i]))
            {
                i = OtherFieldEnd(window, i);
                continue;
            }

            // Chinese and Japanese glue a number to the word before it ("密码改成了125154"): a digit after a CJK character starts a value.
            // So do they an id led by its capital letters ("护照号是E12345678", "旅券番号はTK1234567").
            if (!char.IsLetterOrDigit(window[i]) || (i > 0 && char.IsLetterOrDigit(window[i - 1]) && !(IsCjk(window[i - 1]) && (char.IsAsciiDigit(window[i]) || char.IsAsciiLetterUpper(window[i])))))
            {
                i++;
                continue;
            }

            // "9:00-20:00": a clock's minutes after its hour's colon (opening hours after a pickup code's noun) start no value.
            if (i > 1 && window[i - 1] == ':' && char.IsAsciiDigit(window[i - 2]))
            {
                i++;
                continue;
            }

            // A placeholder IBAN ("reject DE00 1234 5678 9012 3456 78"): none of its groups is a value.
            if (SensitiveScanner.PlaceholderIban(window[i..]) is > 0 and var placeholder)
            {
                i += placeholder;
                continue;
            }

            int end = i, digits = 0, letters = 0;
            while (end < window.Length)
            {
                var c = window[end];
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
                else if (char.IsLetter(c) && !IsCjk(c))
                {
                    letters++;
                }
                else if (!(c is '-' or ' ' or '.' or '/' && end + 1 < window.Length && char.IsLetterOrDigit(window[end + 1]) && !IsCjk(window[end + 1])
                    && (c == '-' || (letters == 0 && char.IsAsciiDigit(window[end + 1]) && end > 0 && char.IsAsciiDigit(window[end - 1])))))
                {
                    break;
                }

                end++;
            }

            if (end < window.Length && char.IsLetter(window[end]) && !IsCjk(window[end]))
            {
                // An ASCII start of a word in another script: not a code.
                i = end + 1;
                continue;
            }

            // "1950s" is a decade, not a code.
            // "1900ndad", "1990er", "2000-luvulla": a year's or a decade's word (probe 24).
            var decade = (letters == 1 && digits == 4 && window[end - 1] == 's')
                || (digits == 4 && letters > 0 && window[i] is '1' or '2' && window[i + 1] is '9' or '0' && window.Slice(i, Math.Min(4, end - i)).IndexOfAnyExceptInRange('0', '9') < 0
                    && window[(i + 4)..end].TrimStart('-').IndexOfAnyInRange('0', '9') < 0);
            // Door and intercom codes are short: "4B27", "2468B".
            // "7X3QF": a short upper-case code of letters and digits.
            var upperCode = letters >= 3 && digits >= 2 && digits + letters >= 5 && window[i..end].IndexOfAnyInRange('a', 'z') < 0;
            var code = letters == 0 ? digits >= 4 && !Date(window[i..end]) && !MonthYear(window, i, end) : !decade && (digits >= 4 || upperCode || (digits >= 2 && (letters <= 2 ? digits + letters >= 4 : digits + letters >= 6)))
                && !ClockTime(window[i..end]) && !ExampleNinoIn(window[i..end], window);
            // A password's PIN-like value ("clave … 140562", "密码我改成了 193724"): digits only, not a year.
            var pinLike = !pin || (letters == 0 && !(digits == 4 && end - i == 4 && window[i] is '1' or '2' && window[i + 1] is '9' or '0') && !Counter(window, i));
            // "111.111.111-11": a validator's filler of one digit repeated, no one's id (a short PIN such as 1111 stays a PIN).
            // A card's last four after a mask ("*4419", "•••• 6612"; not a keypad's "*1234#"): the rest is redacted (docs/LABELLING.md).
            var maskedTail = letters == 0 && end - i == 4 && MaskedTail(window, i) && !(end < window.Length && window[end] is '#' or '*');
            // A period of years ("OTP delivery between 2019-2024"), a format's letters ("784-YYYY-NNNNNNN-C"; SecretPhrases.Judged).
            var filler = maskedTail || (letters == 0 && YearSpan(window[i..end])) || (letters >= 3 && FormatLetters(window[i..end])) || letters == 0 && digits >= 9 && (window[i..end].IndexOfAnyExcept([window[i], '.', '-', ' ', '/']) < 0 || SensitiveScanner.FormatExample(window, end))
                || (letters == 0 && (DayMonth(window[i..end]) || MonthDay(window[i..end]) || (digits is >= 13 and <= 19 && SensitiveScanner.FillerCard(window[i..end]))))
                || (letters == 0 && digits >= 9 && SensitiveScanner.RangeOrCounting(window[i..end]));
            // PublicOrBlank searches example words before every token: last, so it runs only for a token that is otherwise a value
            // (code is full of digit tokens after a secret's noun; first in the chain it cost 31 ms of a 20k-token tool result).
            if (code && pinLike && !filler && digits + letters >= minChars && !Described(window, i, end, letters == 0) && !Technical(window, i, end)
                && !(letters == 0 && RecordNotCode(window, i, end, digits)) && !PublicOrBlank(window, i, end)
                && !SurfaceNotCode(window, i, end, letters, idNoun))
            {
                return true;
            }

            i = Math.Max(end, i + 1);
        }

        return false;
    }

    // "port 51022", "localhost:5432", "pid 812": a number that names a port, a process or a line, not a password.
    private static bool Counter(ReadOnlySpan<char> window, int start)
    {
        if (start > 0 && window[start - 1] is ':' or '.' or '/' or '@' or '#' or '=')
        {
            return true;
        }

        var before = window[..start].TrimEnd(" \t");
        var from = before.Length;
        while (from > 0 && char.IsLetterOrDigit(before[from - 1]))
        {
            from--;
        }

        var word = before[from..];
        foreach (var name in (ReadOnlySpan<string>)["port", "pid", "uid", "gid", "user", "id", "line", "build", "version", "v", "error", "status", "room", "page", "ssh2", "step"])
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "0x80070005" (an error's hex), "2.13.9" or "10.0.0.5" (a version, an address: digits in dotted groups of one to three),
    // "sha256(" (a call): technical values, not a secret's.
    private static bool Technical(ReadOnlySpan<char> window, int start, int end)
    {
        var run = window[start..end];
        if (run.Length > 2 && run[0] == '0' && run[1] is 'x' or 'X' || (start > 0 && window[start - 1] == '+') || NormReference(window, start, end)
            || AlgorithmNamed(window, start) || NamedYear(window, start, end) || CalendarYear(window, start, end) || SensitiveScanner.FormatLabelled(window, start, end) || DashedUnit(run)
            || CheckModulus(window, start, end))
        {
            return true; // a hex error code; "+55 11": a country's dialling code
        }

        // "like 12-34-56", "e.g. 1234", "z.B. 0000": an example of the format, not the user's value.
        var before = window[..start].TrimEnd(" \t");
        // "like 123456, 000000, 121212": every number of a list the example word opens is an example (up to eight before it).
        for (var listed = 0; listed < 8 && before.Length > 1 && before[^1] == ','; listed++)
        {
            var item = before[..^1].TrimEnd(" \t");
            var digits = item.Length - item.LastIndexOfAnyExceptInRange('0', '9') - 1;
            if (digits is < 3 or > 8)
            {
                break;
            }

            before = item[..^digits].TrimEnd(" \t");
        }

        foreach (var example in (ReadOnlySpan<string>)["like", "e.g.", "eg", "such as", "z.b.", "zum beispiel", "par exemple", "por ejemplo", "por exemplo", "per esempio", "bijvoorbeeld", "np.", "например", "örneğin", "t.ex.", "例如", "例えば", "예를 들어",
            // Probe 39: the example words of its scripts ("مثال: ١٢٣٤", "مثلاً ۰۰۱۲…", "（例：１２３４）", "जैसे १२३४").
            "مثال:", "مثال", "مثلا", "مثلاً", "مثل", "مانند", "نمونه:", "نمونه", "على سبيل المثال", "जैसे", "उदाहरण:", "उदाहरण", "例:", "例：", "例", "比如", "예:", "เช่น", "যেমন"])
        {
            if (before.EndsWith(example, StringComparison.OrdinalIgnoreCase) && (before.Length == example.Length || !char.IsLetter(before[^(example.Length + 1)])))
            {
                return true;
            }
        }

        // "descarte los obvios (111111, 123456, 654321)": a trivial code after a word that calls it weak (SecretPhrases.VoiceHomes).
        if (TrivialCodeCalledWeak(window, start, end) || SettingRange(window, start, end))
        {
            return true;
        }

        if (end < window.Length && window[end] == '(' || run is "sha1" or "sha224" or "sha256" or "sha384" or "sha512" or "md5")
        {
            return true;
        }

        // "sha256:4c0fdaa8…", a commit: 32+ hex characters are a hash, not a code someone types; a UUID (8-4-4-4-12 hex) names a row or a resource.
        if ((run.Length >= 32 && run.IndexOfAnyExcept(HexChars) < 0) || Uuid(window[start..]))
        {
            return true;
        }

        // Probe 24: a data URI's pieces ("data:image/jpeg;base64,/9j/4AAQ…": an attached image, no code), a value masked with stars
        // ("123456******0000"; a keypad's "*2580#" keeps its one star), an IBAN's country with check digits 00 cut short ("TR00 0006 2…": a documentation's placeholder).
        var word = window[..start];
        word = word[(word.LastIndexOfAny(" \t\n\r\"'") + 1)..];
        if (word.Contains("data:", StringComparison.Ordinal) || (start > 1 && window[start - 1] == '*' && window[start - 2] == '*') || (end + 1 < window.Length && window[end] == '*' && window[end + 1] == '*')
            || (run.Length == 4 && char.IsAsciiLetterUpper(run[0]) && char.IsAsciiLetterUpper(run[1]) && run[2..] is "00"))
        {
            return true;
        }

        if (run.IndexOf('.') < 0 || run.IndexOfAnyExcept("0123456789.") >= 0)
        {
            return false;
        }

        // "1.020.784.316": an id printed with thousands' dots (a cédula, a DNI; probe 24): three groups or more, every one after the
        // first of three digits, not an address's four (192.168.100.200).
        int groups = 0, threes = 0, wide = 0, bytes = 0;
        foreach (var group in run.Split('.'))
        {
            var part = run[group];
            wide += part.Length > 3 ? 1 : 0;
            threes += groups > 0 && part.Length == 3 ? 1 : 0;
            bytes += part.Length <= 3 && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255 ? 1 : 0;
            groups++;
        }

        return wide == 0 && !(groups >= 3 && threes == groups - 1 && !(groups == 4 && bytes == 4));
    }

    // A dial lock's combination told as turns: "left 12, right 38, left 7" (three turns or more, in any corpus language).
    private static bool LockTurns(ReadOnlySpan<char> window)
    {
        // A turn is a side and a number not followed by a unit ("left 2 blocks" is a way, not a combination).
        int turns = 0, pending = 0;
        var turned = false;
        foreach (var range in window.SplitAny(" ,;:-"))
        {
            var word = window[range].TrimEnd(".!?");
            if (word.IsEmpty)
            {
                continue;
            }

            var side = false;
            foreach (var name in (ReadOnlySpan<string>)["left", "right", "l", "r", "links", "rechts", "gauche", "droite", "izquierda", "derecha", "esquerda",
                "direita", "sinistra", "destra", "влево", "вправо", "lewo", "prawo", "vänster", "höger", "sol", "sağ", "then", "dann", "puis", "luego", "depois", "poi", "dan", "potem", "потом", "sedan", "sonra"])
            {
                side |= word.Equals(name, StringComparison.OrdinalIgnoreCase);
            }

            var number = word.Length <= 2 && word.IndexOfAnyExcept(Digits) < 0;
            turns += pending > 0 && (side || number) ? pending : 0;
            pending = turned && number ? 1 : 0;
            turned = side;
        }

        return turns + pending >= 3;
    }

    // "4 digits", "in 2019", "3600 seconds": a number that is not the secret.
    private static bool Described(ReadOnlySpan<char> window, int start, int end, bool allDigits)
    {
        var after = window[end..].TrimStart(" -");
        foreach (var unit in Units)
        {
            if (after.StartsWith(unit, StringComparison.OrdinalIgnoreCase) && (after.Length == unit.Length || !char.IsLetter(after[unit.Length])))
            {
                return true;
            }
        }

        if (allDigits && end - start == 4 && window[start] is '1' or '2' && window[start + 1] is '9' or '0')
        {
            if (YearByItsWords(window, start, end))
            {
                return true;
            }

            var before = window[..start].TrimEnd();
            foreach (var word in YearWords)
            {
                if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (before.Length == word.Length || !char.IsLetter(before[^(word.Length + 1)])))
                {
                    return true;
                }
            }

            // "years from 1950 to 2010": a range's end after its start year (SecretPhrases.VoiceHomes).
            if (YearRangeEnd(before))
            {
                return true;
            }
        }

        return false;
    }

    // A few words, then a connector, then a value that is not a description; or a quoted value
    // right away ("wifi password 'tulip88'"), or a token with letters and digits right away ("PW Tulip88").
    // The words stay in the noun's clause (ClauseEnds): "My password expired on Monday, so the laptop … is Dell7420" names the laptop.
    private static bool WordValue(ReadOnlySpan<char> window, Want want, bool plural, bool polish = false)
    {
        var previous = ReadOnlySpan<char>.Empty;
        var i = 0;
        for (var word = 0; word < 10 && i < window.Length; word++)
        {
            while (i < window.Length && window[i] is ' ' or '\t' or '(' or ')' or '*')
            {
                i++;
            }

            if (i + 2 < window.Length && window[i] == ':' && window[i + 1] == '/' && window[i + 2] == '/')
            {
                // "at http://…": a URL, not a name and its value.
                while (i < window.Length && !char.IsWhiteSpace(window[i]))
                {
                    i++;
                }

                continue;
            }

            if (i < window.Length && window[i] is ':' or '=' or '：')
            {
                if (i + 1 < window.Length && window[i] == '=' && window[i + 1] == '=')
                {
                    return false; // a comparison in code
                }

                // "check failed for user=demo", "@localhost:5432": another name's value, not this one's.
                if (word > 0 && i > 0 && !char.IsWhiteSpace(window[i - 1]) && (window[i] == '=' || previous.IndexOfAny("@/.") >= 0))
                {
                    return false;
                }

                i++;
                return Candidate(window[i..], connector: true, plain: !plural, want);
            }

            var start = i;
            while (i < window.Length && !char.IsWhiteSpace(window[i]) && window[i] is not ':' and not '=' and not '：')
            {
                i++;
            }

            var token = window[start..i];
            if (token.IsEmpty)
            {
                continue;
            }

            if (IsConnector(token, out var trailing))
            {
                // "the password to continue": "to" right after the noun joins a value only when it is quoted or code-like
                // ("set the passphrase to "correct horse"").
                var to = token.Equals("to", StringComparison.OrdinalIgnoreCase);
                if (to && word > 0 && !SetVerb(previous) && !polish)
                {
                    previous = token;
                    continue;
                }

                // "recovery phrase backup — metal or paper?": after a dash, an answer is a name ("— Иванова").
                var dash = token is "—" or "–" or "->" or "→";
                var next = window[i..].TrimStart(" \t");
                var named = !dash || (!next.IsEmpty && !char.IsLower(next[0]));
                return Candidate(window[(i - trailing)..], connector: true, plain: (!to || word > 0) && named && !plural, want);
            }

            // "пароль Снегирь2026!", "PW Tulip88", "maiden name Kowalczyk": a value right after the noun.
            if (word == 0 && (char.IsLetterOrDigit(window[start]) || window[start] == '#') && !IsCjk(window[start]) && !PathLike(token)
                && (Candidate(window[start..], connector: false, plain: false, want)
                    || (want == Want.Answer && char.IsUpper(window[start]) && token.TrimEnd(".,;!?").Length >= 3 && !Listed(token.TrimEnd(".,;!?")))))
            {
                return true;
            }

            if (ClauseEnds(token, window[i..]))
            {
                return false;
            }

            previous = token;
        }

        return false;
    }

    // Whether the token ends the noun's clause: a question's mark (Arabic's too), or a comma before a new clause with its own subject
    // (a conjunction, then an article or "what" within three words: ", so the laptop …", ", du coup la machine …", Russian's ", но
    // главная проблема …"). An apposition or an aside keeps the noun's clause ("…, l'ancien c'était …", "…, yenisi …", "…, Lucia1997",
    // "…, а от від пошти — …").
    private static bool ClauseEnds(ReadOnlySpan<char> token, ReadOnlySpan<char> rest)
    {
        if (token[^1] is '؟')
        {
            return true;
        }

        if (token[^1] is not (',' or '،' or '，'))
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[5];
        var count = Math.Min(rest.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries), 4);
        if (count < 2 || !InList(rest[parts[0]], ClauseConjunctions))
        {
            return false;
        }

        var slavic = rest[parts[0]] is "но" or "а" or "і" or "але" or "и";
        var first = rest[parts[1]];
        if (slavic)
        {
            return !InList(first, SlavicAsides);
        }

        for (var k = 1; k < count; k++)
        {
            if (InList(rest[parts[k]], SubjectOpeners))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InList(ReadOnlySpan<char> word, ReadOnlySpan<string> list)
    {
        foreach (var item in list)
        {
            if (word.Equals(item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ClauseConjunctions =
    [
        "so", "and", "but", "du", "donc", "mais", "et", "also", "und", "aber", "doch", "pero", "y", "mas", "e", "ma", "però", "но", "а", "и", "і", "але",
    ];

    // What opens a clause's own subject after the conjunction (English, French, German, Spanish, Italian, Portuguese).
    private static readonly string[] SubjectOpeners =
    [
        "the", "what", "this", "that", "la", "le", "les", "ce", "ça", "der", "die", "das", "el", "los", "las", "lo", "il", "gli", "o", "os", "as",
    ];

    // A preposition or a particle after a Russian or Ukrainian "а"/"но": the same noun's other case ("а от почты — …"), not a new subject.
    private static readonly string[] SlavicAsides = ["от", "від", "для", "у", "в", "на", "к", "до", "з", "с", "из", "он", "она", "він", "вона", "его", "його", "её", "її"];

    // The window's part in the noun's clause, where a bare password-shaped token is the noun's value: "My password expired on Monday,
    // so the laptop … is Dell7420" names the laptop, not the password. A later clause that points back at the noun ("…, and the new
    // one is Kestrel2024") keeps the whole window.
    private static ReadOnlySpan<char> NounClause(ReadOnlySpan<char> window)
    {
        var i = 0;
        for (var word = 0; word < 16 && i < window.Length; word++)
        {
            while (i < window.Length && char.IsWhiteSpace(window[i]))
            {
                i++;
            }

            var start = i;
            while (i < window.Length && !char.IsWhiteSpace(window[i]))
            {
                i++;
            }

            if (start < i && ClauseEnds(window[start..i], window[i..]))
            {
                return WholeWordsIn(window[i..], BackWords) ? window : window[..i];
            }
        }

        return window;
    }

    // Words by which a later clause points back at the secret's noun: its new value.
    private static readonly string[] BackWords =
    [
        "new one", "the new", "le nouveau", "la nouvelle", "der neue", "das neue", "die neue", "el nuevo", "la nueva", "a nova", "o novo", "il nuovo", "la nuova",
    ];

    /// <summary>
    /// "grep -rn password src/auth/", "password docs/setup.md": a file or folder path, lower-case segments and a slash,
    /// a folder's trailing slash or a file's extension — where a search or a document points, not a value.
    /// </summary>
    internal static bool PathLike(ReadOnlySpan<char> token)
    {
        token = token.TrimEnd(".,;:!?)");
        var slash = token.IndexOf('/');
        if (slash < 0 || token.ContainsAnyExcept(PathChars))
        {
            return false;
        }

        var last = token[(token.LastIndexOf('/') + 1)..];
        var dot = last.LastIndexOf('.');
        return last.IsEmpty || slash == 0 || token.StartsWith("./") || token.StartsWith("~/")
            || (dot > 0 && last.Length - dot - 1 is >= 1 and <= 4 && !last[(dot + 1)..].ContainsAnyExcept(LowerLetters));
    }

    private static readonly SearchValues<char> PathChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789/._-~");
    private static readonly SearchValues<char> LowerLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    // "changed it to", "set to", "reset to": the verbs after which "to" introduces the new value.
    private static bool SetVerb(ReadOnlySpan<char> word) =>
        word.Equals("set", StringComparison.OrdinalIgnoreCase) || word.Equals("changed", StringComparison.OrdinalIgnoreCase)
        || word.Equals("change", StringComparison.OrdinalIgnoreCase) || word.Equals("reset", StringComparison.OrdinalIgnoreCase)
        || word.Equals("updated", StringComparison.OrdinalIgnoreCase) || word.Equals("it", StringComparison.OrdinalIgnoreCase)
        || word.Equals("switched", StringComparison.OrdinalIgnoreCase);

    private static bool IsConnector(ReadOnlySpan<char> token, out int trailing)
    {
        trailing = 0;

        // Only a connector opening with a quote mark or a CJK character is taken glued to what follows it, and no ASCII character
        // but the quote itself equals those under OrdinalIgnoreCase: a token opening with another ASCII character is a connector
        // only when it equals one. One set lookup instead of ~120 compares for every word WordValue reads (issue 16 item 4: code
        // dense in "key" and "token"); the same answer.
        if (!token.IsEmpty && char.IsAscii(token[0]) && token[0] != '\'')
        {
            return ConnectorWords.Set.Contains(token);
        }

        foreach (var connector in Connectors)
        {
            if (token.Equals(connector, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // "password's hunter2" / "密码是abc123" / "パスワードはabc": the connector glued to its neighbours.
            if (token.StartsWith(connector, StringComparison.OrdinalIgnoreCase) && (connector[0] >= 0x2E80 || connector[0] is '\'' or '’'))
            {
                trailing = token.Length - connector.Length;
                return true;
            }
        }

        return false;
    }

    private static bool Candidate(ReadOnlySpan<char> rest, bool connector, bool plain, Want want = Want.Word)
    {
        var answer = want == Want.Answer;
        rest = rest.TrimStart(" \t:=：");
        if (connector && rest.IndexOf(' ') is > 0 and var space && IsConnector(rest[..space], out _))
        {
            rest = rest[space..].TrimStart(" \t:=："); // "agora é pipoca_doce88", "is now Tulip88"
        }

        // A quote followed by a space closes a quoted name ("'password=' or 'token='"); it opens no value.
        var quoted = rest.Length > 1 && rest[0] is '"' or '\'' or '`' or '“' or '«' or '「' or '„' && !char.IsWhiteSpace(rest[1]);
        if (quoted)
        {
            rest = rest[1..];
            if (QuotedRemark(rest))
            {
                return false;
            }
        }
        else if (!rest.IsEmpty && rest[0] is '"' or '\'' or '`')
        {
            return false;
        }

        var end = 0;
        while (end < rest.Length && (quoted ? rest[end] is not '\n' : !char.IsWhiteSpace(rest[end])) && rest[end] is not '"' and not '\'' and not '`' and not '”' and not '»' and not '」' and not '“' and not ',' and not ';')
        {
            end++;
        }

        var value = rest[..end].TrimEnd(".!?)。:,;}]");

        // "passwords for a 9-year-old": an age or a span, not a value (SecretPhrases.Schools).
        if (!quoted && AgeOrSpan(value))
        {
            return false;
        }

        // Rust's borrowed types ("password: &str", "&String"): the type a reference names is read as the type's name.
        if (!quoted && value.Length > 1 && value[0] == '&' && char.IsAsciiLetter(value[1]))
        {
            value = value[1..];
        }

        // "Wie lang muss ein Passwort 2026 sein?": a year right after the noun dates it, it is not its value.
        if (!connector && !quoted && want == Want.Word && value.Length == 4 && value.IndexOfAnyExcept(Digits) < 0 && value[0] is '1' or '2' && value[1] is '9' or '0')
        {
            return false;
        }

        // "es 9 3 5 1", "şifresi 1 4 9 2", "passcode is 845 019": digits in groups.
        if (want != Want.Token && !value.IsEmpty && value.IndexOfAnyExcept(Digits) < 0)
        {
            var run = rest.IndexOfAnyExcept("0123456789 -");
            if (DigitValue(run < 0 ? rest : rest[..run]))
            {
                return true;
            }
        }

        // A key or token needs its shape whatever else holds (a pure test): asked first, the placeholder searches below run only
        // for a value that has it (issue 16 item 4: code is dense in "key" and "token" followed by a name).
        if (want == Want.Token && !TokenShaped(value))
        {
            return false;
        }

        if (value.Length < (answer ? 2 : 3) || Placeholder(value) || (!quoted && Code(value)) || (quoted && Identifier(value)) || Counted(value)
            || SensitiveScanner.EncodedPlaceholder(value))
        {
            return false;
        }

        if (want == Want.Token)
        {
            // "registry.example/app@sha256:1f3c…": an image pinned by its digest (SecretPhrases.AgentTraffic).
            return TokenShaped(value) && !DigestReference(value);
        }

        if (Listed(value))
        {
            return false;
        }

        var digit = value.IndexOfAnyInRange('0', '9') >= 0;
        var letter = value.IndexOfAnyExcept(Digits) >= 0;
        var strong = digit && value.Length >= 4 || value.Length > 1 && value[1..].IndexOfAnyInRange('A', 'Z') >= 0 && value.IndexOfAnyInRange('a', 'z') >= 0
            || letter && value.Length > 2 && value[1..^1].IndexOfAny(Symbols) >= 0 && char.IsAsciiLetterOrDigit(value[0]);
        if (quoted || strong)
        {
            return connector || quoted || value.Length >= 6 || value.IndexOfAnyExcept(Digits) < 0;
        }

        if (!connector || !plain)
        {
            return false;
        }

        // "パスワードはどこに保存されますか": unquoted CJK text after a connector goes on describing.
        if (IsCjk(value[0]))
        {
            return false;
        }

        if (answer)
        {
            return true;
        }

        // "is encouraged", "was changed": a participle describes the password.
        if (value.EndsWith("ed", StringComparison.Ordinal) && !value.ContainsAnyInRange('A', 'Z'))
        {
            return false;
        }

        // A plain word counts when it closes the clause ("the password is banana."): "the password is
        // rotated every 90 days" goes on describing.
        var after = rest[end..].TrimStart(" \t");
        return value.Length >= 4 && !DescribingWord(value) && (after.IsEmpty || after[0] is '.' or ',' or ';' or ')' or '(' or '"' or '\'' or '-' or '—' or '–'
            || after.StartsWith("and", StringComparison.OrdinalIgnoreCase) || after.StartsWith("but", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("so", StringComparison.OrdinalIgnoreCase) || after.StartsWith("if", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("und", StringComparison.OrdinalIgnoreCase) || after.StartsWith("et", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("y ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("e ", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("и", StringComparison.OrdinalIgnoreCase) || after.StartsWith("en ", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("i ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("pero", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("aber", StringComparison.OrdinalIgnoreCase) || after.StartsWith("mais", StringComparison.OrdinalIgnoreCase)
            || value[0] > 0x7F);
    }

    // "2026-12-04", "04.12.2026", "12/4/2026", "14 MAR 2027": a date, not a code ("32-07-19" stays a code: no four-digit year).
    internal static bool Date(ReadOnlySpan<char> run)
    {
        if (MonthDate(run))
        {
            return true;
        }

        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var n = 0;
        var value = 0;
        var length = 0;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                value = (value * 10) + (c - '0');
                length++;
                continue;
            }

            if (c is not ('-' or '.' or '/') || n == 2)
            {
                return false;
            }

            parts[n] = value;
            lengths[n++] = length;
            value = length = 0;
        }

        if (n != 2)
        {
            return false;
        }

        parts[2] = value;
        lengths[2] = length;
        return lengths[0] == 4 && parts[0] is >= 1900 and <= 2099 && lengths[1] <= 2 && lengths[2] <= 2 && parts[1] is >= 1 and <= 12 && parts[2] is >= 1 and <= 31
            || lengths[2] == 4 && parts[2] is >= 1900 and <= 2099 && lengths[0] <= 2 && lengths[1] <= 2 && parts[0] is >= 1 and <= 31 && parts[1] is >= 1 and <= 31
                && (parts[0] <= 12 || parts[1] <= 12);
    }

    // Month names as passports and statements print them ("14 MAR 2027", "03 DEC/DÉC 26" reads its first half).
    private static readonly string[] Months =
    [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", // English
        "MRZ", "MAI", "OKT", "DEZ", "JAN", "FEV", "FÉV", "AVR", "JUIL", "AOU", "AOÛ", "DÉC", // German, French
        "ENE", "ABR", "AGO", "DIC", "SET", "OUT", "GEN", "MAG", "GIU", "LUG", "OTT", "MEI", "OKT", // Spanish, Portuguese, Italian, Dutch
    ];

    // The year of a date written with the month's name ("expires 14 MAR 2027"): a four-digit 19xx/20xx after a month name,
    // also with the day between them ("nov 20 2026", "Nov 20, 2026").
    private static bool MonthYear(ReadOnlySpan<char> window, int start, int end)
    {
        var year = end - start is 6 or 7 && window[end - 5] == ' ' && window[start..(end - 5)].IndexOfAnyExcept(Digits) < 0 ? end - 4 : start;
        if (end - year != 4 || window[year] is not ('1' or '2') || window[year + 1] is not ('9' or '0'))
        {
            return false;
        }

        var before = window[..start].TrimEnd(" -.,");
        var day = before.TrimEnd("0123456789");
        if (year == start && before.Length - day.Length is 1 or 2)
        {
            before = day.TrimEnd(" -.");
        }

        var from = before.Length;
        while (from > 0 && char.IsLetter(before[from - 1]))
        {
            from--;
        }

        return MonthNamed(before[from..]);
    }

    /// <summary>A month's name, abbreviated ("MAR", "Okt") or in full ("October", "März"), in the corpus's Latin-script languages.</summary>
    internal static bool MonthNamed(ReadOnlySpan<char> word)
    {
        foreach (var list in (ReadOnlySpan<string[]>)[Months, MonthNames, OtherScriptMonths])
        {
            foreach (var month in list)
            {
                if (word.Equals(month, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Months written in full ("in October 2026", "im Oktober 2026", "en octubre 2026"): a month and its year are a date.
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars", "avril", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro",
        "outubro", "novembro", "dezembro", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
        "dicembre", "januari", "februari", "maart", "augustus",
    ];

    // Day, month name, year: "14 MAR 2027", "5-Jan-2026", "14 mar 27"; also the month first or alone with its year ("March 3 2028",
    // "March 2028": probe 12's dates, which the passport phrase took for a number).
    private static bool MonthDate(ReadOnlySpan<char> run)
    {
        Span<Range> parts = stackalloc Range[4];
        var count = run.SplitAny(parts, " -.,", StringSplitOptions.RemoveEmptyEntries);
        if (count is < 2 or > 3)
        {
            return false;
        }

        var year = run[parts[count - 1]];
        if (year.Length is not (2 or 4) || year.IndexOfAnyExcept(Digits) >= 0)
        {
            return false;
        }

        var first = run[parts[0]];
        var day = count == 3 ? (MonthNamed(first) ? run[parts[1]] : first) : "1";
        var month = count == 3 && !MonthNamed(first) ? run[parts[1]] : first;
        return day.Length is 1 or 2 && day.IndexOfAnyExcept(Digits) < 0 && MonthNamed(month) && (count == 3 || year.Length == 4);
    }

    // A key or token: digits with lower-case letters and 8+ characters ("snowfox-2211-birch"), or 16+ mixed characters.
    private static bool TokenShaped(ReadOnlySpan<char> value)
    {
        // "reports/2026/11/": a path's segments, not a key.
        if (value.Count('/') >= 2 && value.IndexOfAnyInRange('A', 'Z') < 0)
        {
            return false;
        }

        int lower = 0, digits = 0, letters = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                lower += char.IsLower(c) ? 1 : 0;
            }
        }

        // "mountainair4life": one digit is enough in a long lower-case value.
        return digits >= 2 && ((lower > 0 && value.Length >= 8) || (letters >= 2 && value.Length >= 16)) || digits == 1 && lower >= 8 && value.Length >= 12;
    }

    // After a CJK noun: a few CJK characters ("の答え"), a connector (是, は, 는, ：) and a quoted value ("「たま」").
    private static bool CjkValue(ReadOnlySpan<char> window, Want want)
    {
        var limit = Math.Min(window.Length, 10);
        for (var i = 0; i < limit; i++)
        {
            var c = window[i];
            if (c is '是' or '为' or '為' or 'は' or '는' or '은' or '：' or ':' or '=')
            {
                var rest = window[(i + 1)..].TrimStart(" \u3000");
                if (rest.Length < 2 || rest[0] is not ('「' or '『' or '“' or '"' or '\'' or '《'))
                {
                    return false;
                }

                var close = rest[1..].IndexOfAny("」』”\"'》");
                var inner = close < 0 ? [] : rest[1..(close + 1)];
                return inner.Length >= (want == Want.Answer ? 1 : 3) && !char.IsWhiteSpace(inner[0]) && !Placeholder(inner) && !Counted(inner)
                    && (want != Want.Token || TokenShaped(inner));
            }

            if (!IsCjk(c) && c != ' ')
            {
                return false;
            }
        }

        return false;
    }

    // A quoted value anywhere in the sentence after the noun ("WLAN-Passwort jetzt „Spaghetti4ever!“ lautet", "la pregunta de
    // seguridad y puse 'Chispita'"): it must look like a password (digits and letters, a symbol inside) or, for an answer, a name.
    private static bool QuotedValue(ReadOnlySpan<char> window, Want want)
    {
        for (var open = 0; open < window.Length - 1; open++)
        {
            var c = window[open];
            // Inline code in a chat or a ticket ("pw `Q7!pelican-Drift`") quotes a value too.
            if (c is not ('\'' or '"' or '“' or '„' or '«' or '「' or '『' or '‘' or '`') || (c == '\'' && open > 0 && char.IsLetter(window[open - 1])))
            {
                continue;
            }

            var inner = window[(open + 1)..];
            var close = c == '`' ? inner.IndexOf('`') : inner.IndexOfAny("'\"”“»」』’");
            if (close <= 0)
            {
                return false;
            }

            var value = inner[..close].TrimEnd(".!?,;");
            open += close + 1;
            // Inline code holding a path ("`vault/kiosk/login`") says where the secret is kept.
            if (c == '`' && value.IndexOf('/') >= 0)
            {
                continue;
            }

            // A CJK answer in its brackets ("『もなか』", "『欧阳』"): a name is a few characters (a quoted question is longer); so is an
            // answer in a script without capitals ("الأندلس", "فرهادی", "गुलमोहर"), where a name cannot be told by its first letter.
            if (want == Want.Answer && c is '「' or '『' or '“' or '"' or '\'' or '«' && (value.Length is >= 1 and <= 8 && IsCjk(value[0])
                || (value.Length is >= 2 and <= 20 && char.GetUnicodeCategory(value[0]) == System.Globalization.UnicodeCategory.OtherLetter && value.IndexOfAny("?؟") < 0)))
            {
                return true;
            }

            if (value.Length < 3 || Placeholder(value) || Identifier(value) || Counted(value) || DummyValue(value))
            {
                continue;
            }

            var digits = value.IndexOfAnyInRange('0', '9') >= 0;
            var letters = value.IndexOfAnyExcept(Digits) >= 0;
            var symbol = value.Length > 2 && value[1..^1].IndexOfAny(Symbols) >= 0;
            if ((digits && letters && value.Length >= 6) || (letters && symbol && value.IndexOf(' ') < 0)
                || (want == Want.Answer && char.IsUpper(value[0]) && value.IndexOf(' ') < 0 && !Listed(value)))
            {
                return true;
            }
        }

        return false;
    }

    // "for the security question … I put Kowalczyk": a verb of giving, then a name.
    private static bool GivenAnswer(ReadOnlySpan<char> window, bool answersOnly = false)
    {
        var previousGives = false;
        foreach (var range in window.Split(' '))
        {
            var token = window[range].Trim(".,;:!?()'\"«»");
            if (token.IsEmpty)
            {
                continue;
            }

            if (previousGives && token.Length >= 3 && char.IsUpper(token[0]) && !Listed(token))
            {
                return true;
            }

            // "I answered St Brigid's", "Dr Okafor": a short capitalised word before the name keeps the verb's hold.
            if (previousGives && token.Length < 3 && char.IsUpper(token[0]))
            {
                continue;
            }

            // "…, Mme Leclercq", "Mrs Abernathy": a title names the answer.
            previousGives = token is "Mme" or "Mrs" or "Mr" or "Ms" or "Mlle" or "Herr" or "Frau" or "Sr" or "Sra" or "Pan" or "Pani" or "Signora" or "Signor"
                or "Mevrouw" or "Meneer" or "Fru" or "Bay" or "Bayan" or "Dona" or "Dom";
            foreach (var verb in answersOnly ? AnswerVerbs : GiveVerbs)
            {
                if (token.Equals(verb, StringComparison.OrdinalIgnoreCase))
                {
                    previousGives = true;
                    break;
                }
            }
        }

        return false;
    }

    // Verbs that answer a question (a bare "question" is read only with one of them).
    private static readonly string[] AnswerVerbs =
    [
        "answered", "replied", "respondí", "contesté", "respondió", "répondu", "geantwortet", "antwortete", "risposto", "respondi", "antwoordde",
        "odpowiedziałem", "odpowiedziałam", "ответил", "ответила", "svarade", "svarat", "cevapladım", "cevap",
    ];

    private static readonly string[] GiveVerbs =
    [
        "put", "used", "chose", "picked", "entered", "typed", "wrote", "answered", "gave", "puse", "pongo", "usé", "escribí", "respondí",
        "mis", "mets", "répondu", "écrit", "eingegeben", "angegeben", "genommen", "geschrieben", "messo", "usato", "scritto", "coloquei",
        "usei", "escrevi", "respondi", "ingevuld", "gebruikt", "wpisałem", "wpisałam", "podałem", "podałam", "ввёл", "ввела", "указал",
        "указала", "написал", "написала", "koydum", "yazdım", "angav", "skrev", "valde", "answer", "replied", "geantwortet", "antwortete", "répondis",
        "contesté", "respondió", "risposto", "antwoordde", "odpowiedziałem", "odpowiedziałam", "ответил", "ответила", "cevapladım", "svarade", "svarat",
        // Ukrainian and Czech (twenty-fourth session).
        "вказав", "вказала", "написав", "ввів", "ввела", "zadal", "zadala", "napsal", "napsala", "vyplnil", "vyplnila",
    ];

    private static bool Listed(ReadOnlySpan<char> value)
    {
        foreach (var list in (ReadOnlySpan<string[]>)[Descriptions, Connectors, SettingStates])
        {
            foreach (var word in list)
            {
                if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    internal static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdefABCDEF");

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af';

    /// <summary>
    /// A token shaped like a chosen password wherever it stands: 8–40 ASCII characters with three letters and
    /// two digits, and either a symbol inside ("Marigold!84", "-pCaju!Doce2025"), or upper and lower case
    /// with an underscore ("Limoncello_42"), two dashes ("St4ging-Adm1n-Dec") or a user before a colon
    /// ("beheer:Tulpenveld-88"). Versions, dates, paths, e-mail addresses and URLs (a dot or "://") are not.
    /// </summary>
    public static bool PasswordShaped(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }

            if (ShapedRun(text, start, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One whole run of <see cref="IsTokenChar"/> characters, <paramref name="start"/> to <paramref name="end"/>, is
    /// password-shaped. It needs two ASCII digits (<see cref="Shaped"/>): SensitivePrefilter reads only the runs that hold a digit.
    /// </summary>
    internal static bool ShapedRun(ReadOnlySpan<char> text, int start, int end)
    {
        // A row of pipe-delimited cells is read cell by cell (SecretPhrases.Tables); a password file's line by its fields (SecretPhrases.Pgpass).
        if (PipeCells(text, start, end) is { } cells)
        {
            return cells;
        }

        if (PgpassLine(text[start..end].Trim(".,;!?-")) is { } pgpass)
        {
            return pgpass;
        }

        // A vendor's credential by its shape or its place, a hex one too (a client's positional argument, "mine is …"), before a hex
        // run is read as a hash asked about (SecretPhrases.VendorShapes).
        if (end - start >= 20 && VendorShape(text, start, end, text[start..end]) && !PublicLookAlike(text, start, end))
        {
            return true;
        }

        // A password hash: a dump's rows are sensitive, one hash asked about is not (SecretPhrases.Leftovers).
        if (PasswordHash(text, start, end) is { } dump)
        {
            return dump;
        }

        // A token glued to a letter outside ASCII is part of a word ("Top-20-Händler").
        var inWord = (start > 0 && char.IsLetter(text[start - 1])) || (end < text.Length && char.IsLetter(text[end]));
        var token = text[start..end].Trim(".,;:!?-");

        // "watch?v=dQw4w9WgXcQ&t=42s": a query's value runs up to the next parameter's '&', not past it (the look-alikes read that value
        // too: "payment_method=pm_1Qk…&confirm=true" is Stripe's resource id).
        var valueEnd = end;
        if (end < text.Length && text[end] == '=' && token.LastIndexOf('&') is > 0 and var next)
        {
            token = token[..next];
            valueEnd = start + text[start..end].LastIndexOf('&');
        }

        // A licence key's 5×5 groups and a list of recovery codes are secrets by their shape alone (SecretPhrases.ServiceKeys).
        return !inWord && (token.Length is >= 8 and <= 40 && Shaped(token) && !DummyValue(token) && !SensitiveScanner.Masked(token) && !CalledName(token, text, end) && !InterpolationHole(text, start, end) && !CountingCompound(token, text, start)
            || ColonFields(token) || CategoryRun(text, start, end) || TrailingSymbol(text, start, end) || CredentialPair(text, start, end) || SlashPair(text, start, end)
            || (LicenceKey(token) && !DummyValue(token)) || RecoveryCodeList(text, start, end)) && !NamedHandle(text, start) && !SensitiveScanner.InPublishedJwt(text, start) && !DocumentedExample(text, start) && !PublicLookAlike(text, start, valueEnd)
            && !SensitiveScanner.PastedLookAlike(text, start, end) && !StatementDescriptor(token) && !ExampleLabelled(text, start) && !InCiphertext(text, start) && !SheetRange(token)
            && !SensitiveScanner.PurposeNamedValue(text, start) && !FolderNameAt(text, start);
    }

    // Probe 27: the data, iv and tag of a SOPS-encrypted value (ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]) are ciphertext.
    private static bool InCiphertext(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 400)..start];
        var open = before.LastIndexOf("ENC[", StringComparison.Ordinal);
        return open >= 0 && before[open..].IndexOfAny(']', '\n') < 0 || SensitiveScanner.InSealedBlock(text, start);
    }

    // "db.internal:5432:ledger:ledger_app:Tidewater!204" (a .pgpass line): each colon-separated field is read on its own; not a URL.
    private static bool ColonFields(ReadOnlySpan<char> token)
    {
        if (token.IndexOf(':') < 0 || token.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var range in token.Split(':'))
        {
            var field = token[range];
            if (field.Length is >= 8 and <= 40 && field.Length < token.Length && Shaped(field) && !DummyValue(field))
            {
                return true;
            }
        }

        return false;
    }

    // '=' splits a key from its value ("MDP_BDD=Framboise!2026") and ';' one field from the next (a bank export's
    // "2026-10-02;Vodafone GmbH;-39,99"): each side is read as a token.
    internal static bool IsTokenChar(char c) => c > ' ' && c < 0x7F && c is not '"' and not '\'' and not '`' and not '(' and not ')' and not '[' and not ']' and not '{' and not '}' and not '<' and not '>' and not ',' and not '=' and not ';';

    private static bool Shaped(ReadOnlySpan<char> token)
    {
        int letters = 0, digits = 0, upper = 0, lower = 0, symbols = 0, underscores = 0, dashes = 0, colons = 0;
        for (var j = 0; j < token.Length; j++)
        {
            var c = token[j];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
                upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
                lower += char.IsAsciiLetterLower(c) ? 1 : 0;
            }
            else if (c is '.' or '/' or '\\' or '=')
            {
                return false;
            }
            else if (c == '@')
            {
                // "Xihu@Longjing9" is a password; "deploy@web01", "root@host" and e-mail addresses are not (no mixed case).
                if (j == 0 || !token.ContainsAnyInRange('A', 'Z') || !token.ContainsAnyInRange('a', 'z') || token.Contains(":~", StringComparison.Ordinal))
                {
                    return false;
                }

                symbols++;
            }
            else
            {
                symbols += c is '!' or '#' or '%' or '&' or '*' or '$' or '^' && j > 0 && j < token.Length - 1 ? 1 : 0;
                underscores += c == '_' ? 1 : 0;
                dashes += c == '-' ? 1 : 0;
                colons += c == ':' ? 1 : 0;
            }
        }

        // One digit is enough in a long mixed-case token with a symbol and an underscore ("Harbor!Quill7_Mango"; probe 23).
        var long1 = digits == 1 && symbols > 0 && underscores > 0 && upper >= 2 && lower >= 6;
        // "::" is a scope's, "^^" an HL7 field's empty components ("1234^^^HOSP^MR": SensitiveScanner.Healthcare reads those) — three carets
        // or more: a password's "^^" ("Kitty^^Paws42"; sensitive-categories-131) is its own.
        if (letters < 3 || (digits < 2 && !long1) || token.Contains("::", StringComparison.Ordinal) || (token.Contains("^^", StringComparison.Ordinal) && token.Count('^') >= 3))
        {
            return false;
        }

        var mixed = upper > 0 && lower > 0;
        return symbols > 0 || (mixed && (underscores == 1 || dashes >= 2 || colons == 1));
    }


    private static readonly SearchValues<char> Symbols = SearchValues.Create("!#%&*+-/=?@^_|~$.,:;");

    // An expression in code, not a value: a call, an index, a member access without digits, a path.
    private static bool Code(ReadOnlySpan<char> value) =>
        value.IndexOfAny("([{") >= 0 || value.Contains("::", StringComparison.Ordinal) || value.Contains("->", StringComparison.Ordinal)
        || (value.IndexOfAnyInRange('0', '9') < 0 && value.IndexOf('.') is > 0 and var dot && dot + 1 < value.Length && char.IsLetter(value[dot + 1]) && char.IsLower(value[0]));

    // 'new_password', "PASSWORD_FIELD": a quoted name of letters and underscores is an identifier.
    internal static bool Identifier(ReadOnlySpan<char> value) =>
        value.Contains('_') && value.IndexOfAnyInRange('0', '9') < 0 && value.IndexOfAnyExcept(IdentifierChars) < 0;

    private static readonly SearchValues<char> IdentifierChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_");

    // "6位数字", "8-char", "12 characters": a count with its unit describes the secret.
    private static bool Counted(ReadOnlySpan<char> value)
    {
        var digits = value.IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0)
        {
            return false;
        }

        var rest = value[digits..].TrimStart("-");
        foreach (var unit in Units)
        {
            if (rest.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> LettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static bool Placeholder(ReadOnlySpan<char> value) =>
        value[0] is '$' or '{' or '<' or '%' or '[' or '(' or '*' || value.IndexOfAnyExcept(value[0]) < 0
        || value.Contains("xxx", StringComparison.OrdinalIgnoreCase) || value.Contains("...", StringComparison.Ordinal)
        || value.Contains("your", StringComparison.OrdinalIgnoreCase) || value.Contains("env", StringComparison.Ordinal)
        || value.Contains("placeholder", StringComparison.OrdinalIgnoreCase) || value.Contains("password", StringComparison.OrdinalIgnoreCase) || value.Contains("redacted", StringComparison.OrdinalIgnoreCase)
        || value.Contains("…", StringComparison.Ordinal) || DummyValue(value) || SensitiveScanner.TemplateHole(value);

    /// <summary>
    /// Values that stand for a secret in documentation and examples: an upper-case name (<c>TU_CONTRASEÑA</c>,
    /// <c>SUA_SENHA_AQUI</c>), "password" with digits (<c>password123</c>), "change me", and the
    /// famous examples (<c>Tr0ub4dor&amp;3</c>, <c>hunter2</c>).
    /// </summary>
    internal static bool DummyValue(ReadOnlySpan<char> value)
    {
        // A key public by design or a vendor's published example; "Passwort123" in the user's language (SecretPhrases.ServiceKeys).
        if (Ciphertext(value) || StoreReference(value) || PublicByDesign(value) || LocalDummy(value) || DocumentFile(value) || TestCardToken(value) || CjkPlaceholder(value))
        {
            return true;
        }

        if (value.Length >= 4 && value.Contains('_') && value.IndexOfAnyExcept(UpperName) < 0)
        {
            return true;
        }

        // "station-17:CHANGE_ME", "telematik:REPLACE_WITH_PASSWORD": a user and a placeholder where the password goes (probe 52).
        if (value.LastIndexOf(':') is > 0 and var colon && value.Length - colon > 4 && DummyValue(value[(colon + 1)..]))
        {
            return true;
        }

        // "password1", "password123"; a year ("Password2024") makes it look chosen.
        var stem = value.TrimEnd("0123456789");
        return (stem.Equals("password", StringComparison.OrdinalIgnoreCase) || stem.Equals("passw0rd", StringComparison.OrdinalIgnoreCase)) && value.Length - stem.Length <= 3
            || stem.Equals("hunter", StringComparison.OrdinalIgnoreCase) && value.Length == 7 && value[^1] == '2'
            || value.Equals("Tr0ub4dor&3", StringComparison.Ordinal) || value.Contains("changeme", StringComparison.OrdinalIgnoreCase)
            || value.Equals("mypassword", StringComparison.OrdinalIgnoreCase) || value.Equals("myusername", StringComparison.OrdinalIgnoreCase)
            || value.Equals("JBSWY3DPEHPK3PXP", StringComparison.Ordinal) // RFC-style example TOTP secret in every authenticator's docs
            || value.Contains("change-me", StringComparison.OrdinalIgnoreCase) || value.Contains("change_me", StringComparison.OrdinalIgnoreCase);
    }

    // Probe 27: what stands where a password would, without being one — a SOPS-encrypted value (ENC[AES256_GCM,data:…]), and a
    // secret store's reference (vault:routers/staging, bitwarden:infra/nas, aws-sm:qa/app-db, op://team/db): a known store's
    // scheme and a path, no '@' of a URL's user. Not any scheme: Postfix's "hash:/etc/postfix/sasl_passwd" names a file.
    // Probe 30: Ansible's "!vault |" tag and its "$ANSIBLE_VAULT;1.1;AES256" header stand where the password would; its lines are hex.
    private static bool Ciphertext(ReadOnlySpan<char> value) =>
        value.StartsWith("ENC[", StringComparison.Ordinal) || value.StartsWith("!vault", StringComparison.Ordinal) || value.StartsWith("$ANSIBLE_VAULT;", StringComparison.Ordinal);

    private static bool StoreReference(ReadOnlySpan<char> value)
    {
        var colon = value.IndexOf(':');
        return colon >= 2 && StoreSchemeLookup.Contains(value[..colon]) && value[(colon + 1)..].Contains('/') && !value.Contains('@');
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> StoreSchemes = System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "vault", "op", "bitwarden", "bw", "aws-sm", "awssm", "secretsmanager", "ssm", "gcp-sm", "gsm", "azure-kv", "keyvault", "akv", "doppler", "infisical", "sops", "keychain", "1password");

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StoreSchemeLookup = StoreSchemes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> UpperName = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝĄĆĘŁŃŚŹŻĞİŞАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ_-");
}
