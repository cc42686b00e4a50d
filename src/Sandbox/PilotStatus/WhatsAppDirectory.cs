namespace Serverless.Sandbox.PilotStatus;

/// <summary>The answer to "is this phone on WhatsApp?" for one input.</summary>
/// <param name="Number">Digits of the account as WhatsApp registered it, or null when there is none.</param>
public sealed record WhatsAppAccount(string Input, bool Exists, string? Number, string? Name);

/// <summary>
/// Deterministic stand-in for WhatsApp's account lookup. People the demo account knows (its numbers, contacts and group
/// members) exist under their names; any other number exists unless its last digit is 0. Brazilian mobiles follow the
/// real quirk: accounts from area codes 31 and up were registered before the extra 9 was added, so they are found
/// without it, while area codes 11 to 28 carry it; both spellings find the same account.
/// </summary>
internal static class WhatsAppDirectory
{
    private const int FirstAreaCodeWithoutNinthDigit = 31;

    public static WhatsAppAccount Lookup(PilotStatusState state, string tenantId, string input)
    {
        var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < 8 or > 15 || digits[0] == '0')
        {
            return new WhatsAppAccount(input, false, null, null);
        }

        var spellings = Spellings(digits, out var registered);
        var name = KnownName(state, tenantId, spellings, out var known);
        return known || registered[^1] != '0'
            ? new WhatsAppAccount(input, true, registered, name)
            : new WhatsAppAccount(input, false, null, null);
    }

    public static bool Exists(PilotStatusState state, string tenantId, string phone) => Lookup(state, tenantId, phone).Exists;

    private static string[] Spellings(string digits, out string registered)
    {
        registered = digits;
        if (!digits.StartsWith("55", StringComparison.Ordinal))
        {
            return [digits];
        }

        string withNine, withoutNine;
        if (digits.Length == 13 && digits[4] == '9')
        {
            withNine = digits;
            withoutNine = digits.Remove(4, 1);
        }
        else if (digits.Length == 12 && digits[4] is >= '6' and <= '9')
        {
            withoutNine = digits;
            withNine = digits.Insert(4, "9");
        }
        else
        {
            return [digits];
        }

        var areaCode = (digits[2] - '0') * 10 + (digits[3] - '0');
        registered = areaCode >= FirstAreaCodeWithoutNinthDigit ? withoutNine : withNine;
        return [withNine, withoutNine];
    }

    private static string? KnownName(PilotStatusState state, string tenantId, string[] spellings, out bool known)
    {
        known = false;
        bool Matches(string? phone) => phone is not null && spellings.Contains(phone.TrimStart('+'), StringComparer.Ordinal);

        foreach (var number in state.NumberList)
        {
            if (number.TenantId == tenantId && Matches(number.PhoneNumber))
            {
                known = true;
                return number.DisplayName;
            }
        }

        var numberIds = state.NumberList.Where(n => n.TenantId == tenantId).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var conversation in state.ConversationList)
        {
            if (numberIds.Contains(conversation.NumberId) && Matches(conversation.From))
            {
                known = true;
                return conversation.FromName;
            }
        }

        foreach (var line in state.ConversationMessageList)
        {
            if (line.Direction == MessageDirections.Inbound && numberIds.Contains(line.NumberId) && Matches(line.From))
            {
                known = true;
                return line.FromName;
            }
        }

        foreach (var group in state.Groups.GroupList)
        {
            if (numberIds.Contains(group.NumberId) && group.Participants.Any(p => Matches(p.Number)))
            {
                known = true;
                return null;
            }
        }

        return null;
    }
}
