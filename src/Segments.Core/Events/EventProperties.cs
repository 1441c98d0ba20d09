using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Segments.Core.Events;

/// <summary>
/// An event's scalar properties as text, names compared ignoring case, a repeated name keeping its last value: a
/// small list rather than a hash table, since an event has a handful of properties and millions of events are held.
/// </summary>
internal sealed class EventProperties : IReadOnlyDictionary<string, string>
{
    private KeyValuePair<string, string>[] _items = new KeyValuePair<string, string>[3];
    private int _count;

    public int Count => _count;

    public IEnumerable<string> Keys => Items.Select(i => i.Key);

    public IEnumerable<string> Values => Items.Select(i => i.Value);

    private IEnumerable<KeyValuePair<string, string>> Items => _items.Take(_count);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, replacing a value under the same name in any case.</summary>
    public void Set(string key, string value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _items[index] = new(_items[index].Key, value);
        }
        else
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _count * 2);
            }

            _items[_count++] = new(key, value);
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_items[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
