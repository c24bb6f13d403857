using System.Buffers;

namespace Majordomo.Chat;

/// <summary>
/// Where a prompt's texts live (issue 16 item 4): a text up to <see cref="LongChars"/> is a string, a longer one
/// a slice of an array rented from <see cref="ArrayPool{T}.Shared"/>, so no prompt text is ever a large object
/// (85,000 bytes and up: allocated in gen 2, collected only by a full collection). The owner returns the arrays
/// with <see cref="Dispose"/> when the request is done; an arena never disposed only leaves them to the GC.
/// </summary>
internal sealed class TextArena : IDisposable
{
    /// <summary>Characters above which a text is kept in a pooled array instead of a string (a string this long is 32 KB).</summary>
    public const int LongChars = 16_384;

    private List<char[]>? _rented;
    private bool _disposed;

    /// <summary>Whether any text is held in a pooled array (tests).</summary>
    internal bool HoldsPooled => _rented is { Count: > 0 };

    /// <summary><paramref name="text"/> kept: a string when short, else copied into a pooled array.</summary>
    public ReadOnlyMemory<char> Keep(ReadOnlySpan<char> text)
    {
        if (text.Length <= LongChars)
        {
            return text.IsEmpty ? ReadOnlyMemory<char>.Empty : new string(text).AsMemory();
        }

        var array = Rent(text.Length);
        text.CopyTo(array);
        return new ReadOnlyMemory<char>(array, 0, text.Length);
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> characters, returned by <see cref="Dispose"/> (or earlier with
    /// <see cref="Return"/>).
    /// </summary>
    public char[] Rent(int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var array = ArrayPool<char>.Shared.Rent(length);
        (_rented ??= []).Add(array);
        return array;
    }

    /// <summary>Returns an array rented here that holds no kept text (a builder that grew, a short decode).</summary>
    public void Return(char[] array)
    {
        if (_rented is not null && _rented.Remove(array))
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }

    /// <summary>Whether <paramref name="text"/> is one of this arena's pooled slices (not a string).</summary>
    public static bool IsPooled(ReadOnlyMemory<char> text) => !System.Runtime.InteropServices.MemoryMarshal.TryGetString(text, out _, out _, out _) && !text.IsEmpty;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_rented is { } rented)
        {
            foreach (var array in rented)
            {
                ArrayPool<char>.Shared.Return(array);
            }

            rented.Clear();
        }
    }
}

/// <summary>
/// Text joined from parts in an arena's pooled array (growing by renting a larger one): unlike a
/// <see cref="System.Text.StringBuilder"/>, appending 80,000 characters makes no 80,000-character chunk.
/// </summary>
internal sealed class ArenaText(TextArena arena)
{
    private char[]? _buffer;
    private ReadOnlyMemory<char> _single;
    private int _length;

    public int Length => _buffer is null ? _single.Length : _length;

    public void Clear()
    {
        _single = ReadOnlyMemory<char>.Empty;
        _length = 0;
        if (_buffer is { } buffer)
        {
            arena.Return(buffer);
            _buffer = null;
        }
    }

    /// <summary>Appends <paramref name="part"/>; the first part is only referenced, not copied, until a second comes.</summary>
    public ArenaText Append(ReadOnlyMemory<char> part)
    {
        if (part.IsEmpty)
        {
            return this;
        }

        if (_buffer is null && _single.IsEmpty)
        {
            _single = part;
            return this;
        }

        if (_buffer is null)
        {
            var first = _single;
            _single = ReadOnlyMemory<char>.Empty;
            Grow(first.Length + part.Length);
            first.Span.CopyTo(_buffer);
            _length = first.Length;
        }

        Grow(_length + part.Length);
        part.Span.CopyTo(_buffer.AsSpan(_length));
        _length += part.Length;
        return this;
    }

    public ArenaText AppendLine() => Append(NewLine);

    /// <summary>
    /// The text so far, kept (a string when short, else the pooled array itself, handed to the arena): valid until
    /// the arena is disposed. The builder holds it as its one part afterwards.
    /// </summary>
    public ReadOnlyMemory<char> Build()
    {
        if (_buffer is not { } buffer)
        {
            return _single;
        }

        if (_length <= TextArena.LongChars)
        {
            _single = new string(buffer.AsSpan(0, _length)).AsMemory();
            arena.Return(buffer);
        }
        else
        {
            _single = new ReadOnlyMemory<char>(buffer, 0, _length);
        }

        _buffer = null;
        return _single;
    }

    private static readonly ReadOnlyMemory<char> NewLine = "\n".AsMemory();

    private void Grow(int needed)
    {
        if (_buffer is not null && _buffer.Length >= needed)
        {
            return;
        }

        var larger = arena.Rent(Math.Max(needed, Math.Max(256, (_buffer?.Length ?? 0) * 2)));
        if (_buffer is { } old)
        {
            old.AsSpan(0, _length).CopyTo(larger);
            arena.Return(old);
        }

        _buffer = larger;
    }
}
