using System.Buffers;

namespace Majordomo.Providers;

/// <summary>
/// Scratch buffers for reading upstream answers. Small ones go back to the shared pool; one that grew
/// past <see cref="MaxKeptBytes"/> for a rare big answer is left to the GC, so a burst of big answers
/// does not leave the process holding their memory in the pool for good.
/// </summary>
internal static class PooledBuffers
{
    /// <summary>The largest buffer returned to the pool (what typical answers and events need).</summary>
    public const int MaxKeptBytes = 1024 * 1024;

    public static byte[] Rent(int minimumLength) => ArrayPool<byte>.Shared.Rent(minimumLength);

    public static void Return(byte[] buffer)
    {
        if (buffer.Length <= MaxKeptBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
