using System.Collections;

namespace Berth.Dockerfiles;

/// <summary>
/// A read-only list of parsed items (instructions, stages) that <c>foreach</c> walks with a struct enumerator: no allocation and
/// no interface calls, where an <see cref="IReadOnlyList{T}"/> boxes its enumerator and dispatches every step. Rules walk these
/// lists for every file, so that adds up. LINQ and everything else see an ordinary read-only list.
/// </summary>
public sealed class ItemList<T> : IReadOnlyList<T>, IList<T>
{
    private readonly T[] _items;

    public ItemList(IEnumerable<T> items) => _items = [.. items];

    private ItemList(T[] items) => _items = items;

    public static ItemList<T> Empty { get; } = new(Array.Empty<T>());

    /// <summary>An array made for the list and not kept by anyone else (the shared empty list when there are none).</summary>
    internal static ItemList<T> Wrap(T[] items) => items.Length == 0 ? Empty : new(items);

    /// <summary>The items of a builder's list, copied (the shared empty list when there are none).</summary>
    internal static ItemList<T> CopyOf(List<T> items) => items.Count == 0 ? Empty : new(items.ToArray());

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    // IList<T> (read-only) so that LINQ, ToList and collection expressions take their indexed and CopyTo paths.
    T IList<T>.this[int index]
    {
        get => _items[index];
        set => throw new NotSupportedException();
    }

    bool ICollection<T>.IsReadOnly => true;

    public int IndexOf(T item) => Array.IndexOf(_items, item);

    public bool Contains(T item) => Array.IndexOf(_items, item) >= 0;

    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    void IList<T>.Insert(int index, T item) => throw new NotSupportedException();

    void IList<T>.RemoveAt(int index) => throw new NotSupportedException();

    void ICollection<T>.Add(T item) => throw new NotSupportedException();

    void ICollection<T>.Clear() => throw new NotSupportedException();

    bool ICollection<T>.Remove(T item) => throw new NotSupportedException();

    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        public readonly T Current => _items[_index];

        public bool MoveNext() => ++_index < _items.Length;
    }
}
