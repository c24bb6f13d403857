namespace Majordomo.Storage;

/// <summary>
/// A store could not do what was asked (disk full, file read-only or gone, database unreachable).
/// Implementations wrap their driver's exception in this one, so the feature folders handle store
/// failures without knowing which database is behind the seam.
/// </summary>
internal sealed class StoreException : Exception
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreException()
    {
    }
}
