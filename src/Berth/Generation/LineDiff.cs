using System.Text;

namespace Berth.Generation;

/// <summary>A unified diff of two texts by lines (longest common subsequence; generated files are small).</summary>
public static class LineDiff
{
    public const int Context = 3;

    public static string Unified(string oldText, string newText, string oldLabel, string newLabel)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var ops = Operations(a, b);
        var text = new StringBuilder();
        text.Append("--- ").Append(oldLabel).Append('\n').Append("+++ ").Append(newLabel).Append('\n');

        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }
            var start = Math.Max(0, i - Context);
            var end = i;
            // Extend the hunk while changes are within 2*Context of each other.
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    end++;
                    continue;
                }
                var next = end;
                while (next < ops.Count && ops[next].Kind == ' ')
                    next++;
                if (next < ops.Count && next - end <= 2 * Context)
                    end = next;
                else
                    break;
            }
            var stop = Math.Min(ops.Count, end + Context);
            var oldStart = ops[start].OldLine;
            var newStart = ops[start].NewLine;
            var oldCount = ops.Skip(start).Take(stop - start).Count(o => o.Kind != '+');
            var newCount = ops.Skip(start).Take(stop - start).Count(o => o.Kind != '-');
            text.Append("@@ -").Append(oldStart + 1).Append(',').Append(oldCount).Append(" +").Append(newStart + 1).Append(',').Append(newCount).Append(" @@\n");
            for (var k = start; k < stop; k++)
                text.Append(ops[k].Kind).Append(ops[k].Text).Append('\n');
            i = stop;
        }
        return text.ToString();
    }

    private readonly record struct Op(char Kind, string Text, int OldLine, int NewLine);

    private static List<Op> Operations(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
        var ops = new List<Op>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add(new Op(' ', a[x], x, y));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] > lcs[x + 1, y]))
            {
                ops.Add(new Op('+', b[y], x, y));
                y++;
            }
            else
            {
                ops.Add(new Op('-', a[x], x, y));
                x++;
            }
        }
        return ops;
    }

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.EndsWith('\n'))
            normalized = normalized[..^1];
        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }
}
