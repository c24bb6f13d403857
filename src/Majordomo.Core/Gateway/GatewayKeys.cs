using System.Security.Cryptography;
using System.Text;
using Majordomo.Config;

namespace Majordomo.Gateway;

/// <summary><c>server.apiKeys</c> encoded once per snapshot, so a request encodes only what it presents.</summary>
internal sealed class GatewayKeys
{
    /// <summary>Presented keys up to this many UTF-8 bytes are encoded on the stack.</summary>
    private const int StackLimit = 256;

    private readonly byte[][] _keys;
    private readonly string?[] _names;
    private readonly bool[] _admins;

    private GatewayKeys(byte[][] keys, string?[] names, bool[] admins)
    {
        _keys = keys;
        _names = names;
        _admins = admins;
    }

    public static readonly GatewayKeys None = new([], [], []);

    /// <summary>True when no key is configured: every request is let in.</summary>
    public bool Open => _keys.Length == 0;

    public static GatewayKeys From(List<ApiKeyConfig>? keys) => keys is not { Count: > 0 }
        ? None
        : new([.. keys.Select(k => Encoding.UTF8.GetBytes(k.Key ?? ""))], [.. keys.Select(k => k.Name)], [.. keys.Select(k => k.Admin == true)]);

    /// <summary>
    /// Compares <paramref name="presented"/> against every key in constant time, so timing says nothing
    /// about which one matched; names the key that matched (its configured <c>name</c>, never the key).
    /// </summary>
    public bool Match(string presented, out string? keyName) => Match(presented, out keyName, out _);

    /// <summary>As <see cref="Match(string, out string?)"/>, also saying whether the key is <c>"admin": true</c>.</summary>
    public bool Match(string presented, out string? keyName, out bool admin)
    {
        keyName = null;
        admin = false;
        Span<byte> buffer = Encoding.UTF8.GetMaxByteCount(presented.Length) > StackLimit
            ? new byte[Encoding.UTF8.GetByteCount(presented)]
            : stackalloc byte[StackLimit];
        var bytes = buffer[..Encoding.UTF8.GetBytes(presented, buffer)];
        var ok = false;
        for (var i = 0; i < _keys.Length; i++)
        {
            var match = CryptographicOperations.FixedTimeEquals(bytes, _keys[i]);
            ok |= match;
            keyName = match ? _names[i] : keyName;
            admin = match ? _admins[i] : admin;
        }

        return ok;
    }
}
