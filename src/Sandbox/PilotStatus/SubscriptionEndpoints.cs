using System.Security.Cryptography;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Extra-number purchase (preview and charge) and Stripe checkouts.</summary>
internal static class SubscriptionEndpoints
{
    public static IResult Preview(PilotStatusCall call)
    {
        var raw = call.Query["quantity"].ToString();
        var quantity = 1;
        if (!string.IsNullOrWhiteSpace(raw) && (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out quantity) || quantity < 1))
        {
            return PilotStatusErrors.Validation("quantity must be an integer greater than or equal to 1.");
        }

        return SandboxJson.Result(PreviewOf(call.State.Account.Subscription, quantity));
    }

    public static IResult Add(PilotStatusCall call, JsonBody body)
    {
        if (body.Kind == JsonBodyKind.Invalid || (body.Kind == JsonBodyKind.Parsed && !body.IsObject))
        {
            return PilotStatusErrors.Validation("The body must be a JSON object.");
        }

        var quantity = 1;
        bool? confirm = null;
        if (body.IsObject)
        {
            if (body.Root.TryGetProperty("quantity", out var q) && q.ValueKind != JsonValueKind.Null
                && (q.ValueKind != JsonValueKind.Number || !q.TryGetInt32(out quantity) || quantity < 1))
            {
                return PilotStatusErrors.Validation("quantity must be an integer greater than or equal to 1.");
            }

            if (!JsonFields.TryGetBoolean(body.Root, "confirm", out confirm))
            {
                return PilotStatusErrors.Validation("confirm must be a boolean.");
            }
        }

        var state = call.State;
        var plan = state.Account.Subscription;
        var preview = PreviewOf(plan, quantity);
        if (preview.RequiresConversion && confirm != true)
        {
            return PilotStatusErrors.Error(StatusCodes.Status409Conflict, AccountErrorCodes.ConfirmationRequired,
                "This purchase converts the plan from Free to On Demand; send confirm: true to accept.", preview);
        }

        if (!plan.HasSavedCard)
        {
            var order = NewOrder(state, CheckoutPurposes.ExtraNumbers, null, quantity, call.Now);
            return SandboxJson.Result(new ExtraNumbersCheckout(true, false, order.Url));
        }

        state.Account.Subscription = plan with { Plan = AccountSeed.OnDemandPlan, PaidExtraNumbers = plan.PaidExtraNumbers + quantity };
        return SandboxJson.Result(
            new ExtraNumbersCharged(true, true, AccountSeed.OnDemandPlan, state.Account.Subscription.PaidExtraNumbers, preview.MonthlyTotalBRL));
    }

    public static IResult Checkout(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("The body must be a JSON object with purpose.");
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "purpose", out var purpose) || purpose is not (CheckoutPurposes.WalletTopup or CheckoutPurposes.AddCard))
        {
            return PilotStatusErrors.Validation("purpose must be wallet_topup or add_card.");
        }

        decimal? amount = null;
        if (purpose == CheckoutPurposes.WalletTopup)
        {
            if (!TryReadAmount(root, out var value) || value <= 0)
            {
                return PilotStatusErrors.Validation("amount is required for wallet_topup and must be greater than 0.");
            }

            amount = value;
        }

        foreach (var name in new[] { "successUrl", "cancelUrl" })
        {
            if (!JsonFields.TryGetString(root, name, out var url)
                || (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)))
            {
                return PilotStatusErrors.Validation($"{name} must be an https URL.");
            }
        }

        var order = NewOrder(call.State, purpose, amount, null, call.Now);
        return SandboxJson.Result(new CheckoutResponse(order.Url, purpose, order.Id, amount, AccountSeed.Currency));
    }

    internal static ExtraNumbersPreview PreviewOf(PilotStatusSubscription plan, int quantity)
    {
        var converts = plan.IsFree;
        // On conversion the formerly free number is billed too, so the bill covers every slot after the purchase.
        var billed = plan.CurrentNumbers + quantity;
        var unit = AccountSeed.NumberUnitPriceBRL;
        var total = billed * unit;
        var money = total.ToString("0.00", CultureInfo.InvariantCulture);
        var explanation = converts
            ? new PreviewExplanation(
                $"Seu plano passa de Free para On Demand: o número gratuito também passa a ser cobrado. Total mensal: {billed} números x R$ {unit.ToString("0.00", CultureInfo.InvariantCulture)} = R$ {money}. As mensagens passam a ser ilimitadas.",
                $"Your plan converts from Free to On Demand: the formerly free number is billed too. Monthly total: {billed} numbers x BRL {unit.ToString("0.00", CultureInfo.InvariantCulture)} = BRL {money}. Messages become unlimited.")
            : new PreviewExplanation(
                $"Adiciona {quantity} número(s) ao plano On Demand. Novo total mensal: R$ {money}.",
                $"Adds {quantity} number(s) to your On Demand plan. New monthly total: BRL {money}.");
        return new ExtraNumbersPreview(
            converts, plan.Plan, AccountSeed.OnDemandPlan, plan.CurrentNumbers, quantity, billed, unit, total, converts, plan.HasSavedCard, explanation);
    }

    private static CheckoutOrder NewOrder(PilotStatusState state, string purpose, decimal? amount, int? quantity, DateTimeOffset now)
    {
        var order = new CheckoutOrder
        {
            Id = SandboxIds.New("cto"),
            Purpose = purpose,
            Amount = amount,
            Quantity = quantity,
            Url = "https://checkout.stripe.com/c/pay/cs_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            CreatedAt = now,
        };
        state.Account.CheckoutOrderList.Add(order);
        return order;
    }

    /// <summary>The vendor's playground types amount as a string, so a numeric string is accepted as well as a number.</summary>
    private static bool TryReadAmount(JsonElement root, out decimal amount)
    {
        amount = 0;
        if (!root.TryGetProperty("amount", out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out amount),
            JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount),
            _ => false,
        };
    }
}
