using System.Text.RegularExpressions;

namespace Serverless.Tools.PilotStatus;

/// <summary>Checks of WhatsApp identifiers (group ids, participant and account phone numbers) shared by the group and number tools.</summary>
public static partial class WhatsAppArguments
{
    public const int MaxCheckNumbers = 20;

    /// <summary>A group JID such as 120363000000000001@g.us, trimmed.</summary>
    public static string GroupId(string? value, string parameter = "groupId")
    {
        var id = Arguments.NotBlank(value, parameter);
        if (!GroupJid().IsMatch(id))
        {
            throw new ToolArgumentException(parameter, $"'{id}' is not a WhatsApp group id; group ids end with @g.us (groups_list shows them).");
        }

        return id;
    }

    /// <summary>
    /// Participant phone numbers as the vendor takes them: E.164 digits without the plus. At least
    /// <paramref name="min"/> are required; duplicates are dropped so the upstream sees each person once.
    /// </summary>
    public static IReadOnlyList<string> Participants(IReadOnlyList<string>? values, int min, string parameter = "participants")
    {
        var given = (values ?? []).Select(v => v?.Trim() ?? "").ToArray();
        if (given.Length < min)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' needs at least {min} phone number{(min == 1 ? "" : "s")}.");
        }

        var digits = new List<string>(given.Length);
        foreach (var value in given)
        {
            if (!Arguments.IsE164(value))
            {
                throw new ToolArgumentException(parameter, $"'{value}' is not a phone number in E.164 form, such as 5511999998888 or +5511999998888.");
            }

            var normalized = value.TrimStart('+');
            if (!digits.Contains(normalized, StringComparer.Ordinal))
            {
                digits.Add(normalized);
            }
        }

        return digits;
    }

    /// <summary>The phone number of a new WhatsApp account: 10 to 15 digits, optional leading plus; passed on as given.</summary>
    public static string AccountNumber(string? value, string parameter = "number")
    {
        var number = Arguments.NotBlank(value, parameter);
        if (!AccountPhone().IsMatch(number))
        {
            throw new ToolArgumentException(parameter, $"'{number}' is not an E.164 phone number with country and area code (10 to 15 digits, such as +5511999998888).");
        }

        return number;
    }

    /// <summary>
    /// The numbers of one existence check (numbers plus the single number, if given): 1 to 20, each a phone
    /// number in a common written form. Kept as written, because the answer echoes each input.
    /// </summary>
    public static IReadOnlyList<string> CheckNumbers(IReadOnlyList<string>? numbers, string? number)
    {
        var all = (numbers ?? []).Select(n => n?.Trim() ?? "").ToList();
        if (!string.IsNullOrWhiteSpace(number))
        {
            all.Add(number.Trim());
        }

        if (all.Count is 0 or > MaxCheckNumbers)
        {
            throw new ToolArgumentException("numbers", $"Check 1 to {MaxCheckNumbers} phone numbers at a time; got {all.Count}.", "VALIDATION_ERROR");
        }

        foreach (var value in all)
        {
            var digits = value.Count(char.IsAsciiDigit);
            if (!WrittenPhone().IsMatch(value) || digits is < 8 or > 15)
            {
                throw new ToolArgumentException("numbers", $"'{value}' is not a phone number; use digits with the country code, such as +55 11 99999-8888.", "VALIDATION_ERROR");
            }
        }

        return all;
    }

    [GeneratedRegex(@"^[0-9A-Za-z_-]+@g\.us$")]
    private static partial Regex GroupJid();

    [GeneratedRegex(@"^\+?[1-9]\d{9,14}$")]
    private static partial Regex AccountPhone();

    // Digits with the usual separators (spaces, dots, dashes, brackets) and an optional leading plus.
    [GeneratedRegex(@"^\+?[0-9 ().-]+$")]
    private static partial Regex WrittenPhone();
}
