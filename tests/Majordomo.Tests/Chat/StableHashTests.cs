using Majordomo.Chat;

namespace Majordomo.Tests.Chat;

/// <summary><see cref="StableHash.Bytes"/> hashes long values in four lanes: every byte, in every lane and in the tail after them, still counts.</summary>
public sealed class StableHashTests
{
    [Fact]
    public void Bytes_AnyOneByteChanged_ChangesTheHash()
    {
        var random = new Random(16);
        foreach (var length in new[] { 0, 1, 7, 8, 31, 32, 33, 63, 64, 100, 331 })
        {
            var value = new byte[length];
            random.NextBytes(value);
            var hash = StableHash.Bytes(value);
            Assert.Equal(hash, StableHash.Bytes((byte[])value.Clone())); // the same bytes hash alike
            Assert.NotEqual(hash, StableHash.Bytes(value, seed: 1));
            for (var i = 0; i < length; i++)
            {
                value[i] ^= 0x20;
                Assert.NotEqual(hash, StableHash.Bytes(value));
                value[i] ^= 0x20;
            }
        }
    }

    [Fact]
    public void Bytes_LanesSwapped_HashDifferently()
    {
        var a = "aaaaaaaabbbbbbbbccccccccdddddddd"u8.ToArray();
        var b = "bbbbbbbbaaaaaaaaccccccccdddddddd"u8.ToArray();

        Assert.NotEqual(StableHash.Bytes(a), StableHash.Bytes(b));
        Assert.NotEqual(StableHash.Bytes("ab"u8), StableHash.Bytes("ab\0"u8)); // the length counts, not only the bytes
    }
}
