using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Voice assistants, smart homes and schools (probe 38 read by category; docs/CLASSIFIER.md): passwords spoken with their marks and
/// number words, a dial's combination told with its turns, a CJK word glued to digits after a password's noun, a lock's code in
/// YAML service data, a roster of user codes, a device's token beside its address, a pupil's UPN and INE, a lock's codes in a tool's
/// result, a photo of a Wi-Fi sticker asked to be read out — each beside its twin: the rule, the directions, the unit, the cleared
/// slot, the error code, the checksum, the MAC-named device, the class, the lock's state, the router's lights; and the look-alikes
/// the probe's false alarms showed (a secrets.yaml reference, a slogan's possessive, a tool's name, a tax form by its first digits,
/// a generator's weak examples, a thermostat's range).
/// </summary>
public class SensitiveVoiceHomesTests
{
    [Theory]
    [InlineData("hey google the shed wifi password is cedar dash lantern dash forty two")]
    [InlineData("la password del tablet è gattino punto trentasette esclamativo")]
    [InlineData("la contraseña de la tele es nube guion bajo verde cuarenta y uno")]
    [InlineData("das Passwort ist Fuchsbau Strich neun vier Ausrufezeichen")]
    [InlineData("het wachtwoord is molen streepje blauw achtentwintig")]
    [InlineData("the password is capital K river stone dot six one nine")]
    public void SpokenPasswords_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("hey google is twelve characters with a dash and a number enough for a wifi password")]
    [InlineData("the password is at least ten characters dash no spaces")]
    [InlineData("la password del wifi deve avere otto caratteri punto e basta")]
    [InlineData("das Passwort ist mindestens zwölf Zeichen lang, mit Strich")]
    public void PasswordRulesSpoken_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("note the padlock combination is thirty one left twelve right twenty seven left")]
    [InlineData("Zahlenkombination vom Spind: dreizehn rechts achtundzwanzig links neunzehn rechts")]
    [InlineData("la combinación del candado es quince derecha cuarenta izquierda ocho derecha")]
    public void CombinationsToldWithTurns_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("siri how do I get to the padlock shop, left at the bakery then twenty metres right")]
    [InlineData("how does a combination lock work, do you turn right left right?")]
    public void TurnsWithNoCombination_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("민서 하이클래스 아이디 minseo_p, 비번 파란고래58 입니다")]
    [InlineData("ID haru0412、パスワード ひまわり73 です")]
    [InlineData("孩子的账号 dudu0915，密码 小兔子88，请保管")]
    [InlineData("비밀번호 노란우산7! 잊지 마세요")]
    public void ScriptWordsGluedToDigits_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("비밀번호 8자리 이상으로 바꿔 주세요")]
    [InlineData("パスワード 12文字以上にしてください")]
    [InlineData("密码 6位数字就行吗")]
    public void ScriptRulesAfterThePasswordNoun_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("service: zwave_js.set_lock_usercode\ndata:\n  code_slot: 2\n  usercode: \"61 47 03\"\n")]
    [InlineData("service: keymaster.add_code\ndata:\n  entity_id: lock.garage\n  usercode: 904417\n")]
    public void LockCodesInYamlServiceData_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("service: zwave_js.clear_lock_usercode\ndata:\n  entity_id: lock.garage\n  code_slot: 2\n")]
    [InlineData("service: light.turn_on\ndata:\n  brightness: 2048\n")]
    public void ClearedSlotsAndOtherServices_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Keypad codes: slot 1 Dana (730155), slot 2 grandad (1938), slot 3 sitter (4460)")]
    [InlineData("alarm users are me (281906) and the cleaner (5520)")]
    public void RostersOfUserCodes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Lock models we tried: Nuki (2021), Yale (2023), Ultraloq (2024)")]
    [InlineData("the lock API returned error codes (4003) and (4012) twice")]
    public void RostersOfYearsAndErrors_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("dev = Vacuum(\"192.168.1.40\", \"9a2c4e6f8b0d1e3f5a7c9b1d3e5f7a90\")")]
    [InlineData("gw = Gateway('10.0.0.12', 'c3e5a7b9d1f2a4c6e8b0d2f4a6c8e0b1')")]
    public void DeviceTokensBesideTheirAddress_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("ok = verify_image(\"192.168.1.40\", md5=\"9e107d9d372bb6826bd81d3542a419d6\")")]
    [InlineData("{\"host\": \"192.168.1.61\", \"id\": \"shellyplus1pm-a8032ab1c2d4\", \"fw\": \"1.3.3\"}")]
    [InlineData("serial_number: shellyplusplugs-c465b8a1e2d4, model: Shelly Plus Plug S")]
    public void ChecksumsAndMacNamedDevices_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Amelia Stone — UPN K204918375021 — reading age 9")]
    [InlineData("Jules Martin, INE 081234567AB, moyenne 13,5")]
    [InlineData("성적: 박하늘 학번 20231407 국어 91")]
    [InlineData("山田花子 学籍番号 A2210384 英語 80")]
    [InlineData("Mia Keller, Schülernummer 5520931, Deutsch 2")]
    [InlineData("registro di classe: Verdi Marta matricola 0231177 voto 7")]
    public void PupilNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("what does UPN stand for in a school census?")]
    [InlineData("Jules Martin, 3e B, moyenne 13,5")]
    [InlineData("Lavatrice Candy, matricola 3300471892, fuori garanzia")]
    public void PupilNounsWithNoValueAndMachineSerials_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("mqtt:\n  password: '!secret mqtt_password'\n")]
    [InlineData("un eslogan para el cole: 'Tu contraseña es tuya'")]
    [InlineData("poster theme: my password is mine")]
    [InlineData("You can reset passwords (tool: dir_reset) and look pupils up.")]
    [InlineData("alexa what's the code of the tax form from my bank, it starts with 1099")]
    [InlineData("a door code generator that rejects obvious ones like 123456, 000000, 121212")]
    [InlineData("un generador de códigos que descarte los obvios (111111, 123456, 654321)")]
    [InlineData("a keypad PIN generator that refuses years from 1950 to 2010")]
    [InlineData("your lockbox code comes by text; the thermostat is a Nest, keep it at 66-71")]
    public void ProbeLookAlikes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("mqtt:\n  password: 'Birke-Kanal!73'\n")]
    [InlineData("a door code generator, but keep ours 482913 out of it")]
    [InlineData("the lockbox code is 5821")]
    public void TheirTwinsWithValues_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void LockCodesInAToolResult_AreSensitive_WhenTheRequestNamesTheLock()
    {
        Assert.NotEqual(SensitiveKind.None, Scan(ToolLoop("who opened the front door this week?", "{\\\"entity_id\\\": \\\"lock.front\\\"}", "Tue 08:02 unlocked with code 6172 (Sam)\\nWed 17:40 unlocked with key")));
        Assert.NotEqual(SensitiveKind.None, Scan(ToolLoop("какой код у бабушки на калитке?", "{\\\"lock\\\": \\\"kalitka\\\"}", "Пользователь 3: бабушка, код 3390")));
        Assert.NotEqual(SensitiveKind.None, Scan(ToolLoop("list the lock's users", "{\\\"method\\\": \\\"lock::users\\\"}", "[{\\\"name\\\":\\\"Ana\\\",\\\"code\\\":\\\"550172\\\"}]")));
    }

    [Fact]
    public void StatesAndStatusCodesInAToolResult_AreNot()
    {
        Assert.Equal(SensitiveKind.None, Scan(ToolLoop("is the front door locked?", "{\\\"entity_id\\\": \\\"lock.front\\\"}", "locked, battery 64%, last: keypad user 2 at 08:02")));
        Assert.Equal(SensitiveKind.None, Scan(ToolLoop("alarm status?", "{\\\"endpoint\\\": \\\"alarm/status\\\"}", "{\\\"state\\\":\\\"armed\\\",\\\"code\\\":\\\"200\\\"}")));
        Assert.Equal(SensitiveKind.None, Scan(ToolLoop("what did the weather tool say?", "{\\\"city\\\": \\\"Leeds\\\"}", "{\\\"code\\\":\\\"1003\\\",\\\"text\\\":\\\"partly cloudy\\\"}")));
    }

    [Fact]
    public void AWifiStickerPhotoAskedToBeReadOut_IsSensitive_ItsLightsAreNot()
    {
        Assert.NotEqual(SensitiveKind.None, Scan(Photo("can you read the wifi password off the sticker on my router for me?")));
        Assert.NotEqual(SensitiveKind.None, Scan(Photo("tu peux lire la clé wifi sur l'étiquette de la box ?")));
        Assert.Equal(SensitiveKind.None, Scan(Photo("which light on the router means the wifi is down?")));
        Assert.Equal(SensitiveKind.None, Scan(Photo("photo de l'étiquette, où est la clé wifi ? je lis : Clé WPA : voir au dos")));
    }

    private static string ToolLoop(string ask, string arguments, string result) =>
        $$$"""{"messages":[{"role":"user","content":"{{{ask}}}"},{"role":"assistant","content":null,"tool_calls":[{"id":"t1","type":"function","function":{"name":"home","arguments":"{{{arguments}}}"}}]},{"role":"tool","tool_call_id":"t1","content":"{{{result}}}"}]}""";

    private static string Photo(string ask) =>
        $$$"""{"messages":[{"role":"user","content":[{"type":"text","text":"{{{ask}}}"},{"type":"image_url","image_url":{"url":"https://img.example.org/r.jpg"}}]}]}""";

    private static SensitiveKind Scan(string body)
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);
        return HeuristicClassifier.Sensitive(view);
    }
}
