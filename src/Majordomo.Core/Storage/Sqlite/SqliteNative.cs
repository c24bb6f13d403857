using System.Runtime.InteropServices;

namespace Majordomo.Storage.Sqlite;

/// <summary>
/// The few SQLite calls the request-log writer makes per value, declared over raw handles: SQLitePCLRaw's
/// own entry points take a SafeHandle (an add-ref and a release per call) through an interface call, which
/// was a third of the writer's managed cost. The library is the one SQLitePCLRaw's bundle loads (one copy
/// per process), so handles it opened are valid here. Binding is short native work with no I/O and no
/// lock on a connection opened without a mutex, so it skips the GC transition; stepping does I/O and keeps it.
/// </summary>
internal static class SqliteNative
{
    public const string Library = "e_sqlite3";

    public const int Ok = 0;
    public const int Done = 101;

    /// <summary>SQLITE_STATIC: the text stays valid until the statement is stepped, so SQLite does not copy it.</summary>
    public static readonly IntPtr Static = IntPtr.Zero;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the text at once.</summary>
    public static readonly IntPtr Transient = new(-1);

    [DllImport(Library, EntryPoint = "sqlite3_bind_int64", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int BindInt64(IntPtr statement, int index, long value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_double", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int BindDouble(IntPtr statement, int index, double value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_text", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int BindText(IntPtr statement, int index, IntPtr utf8, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_null", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [SuppressGCTransition]
    public static extern int BindNull(IntPtr statement, int index);

    [DllImport(Library, EntryPoint = "sqlite3_step", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_reset", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern int Reset(IntPtr statement);
}
