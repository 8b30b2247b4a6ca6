// @qa/workflows-contracts: The context's public face: integration events and query DTOs. Other contexts import only this.
export {};
