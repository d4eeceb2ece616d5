//! spec/bss.yaml operations as shapes: parameters, request body and success response, with
//! every `$ref` followed (a schema that recurs inside itself is cut where it recurs).

use std::borrow::Borrow;
use std::collections::BTreeMap;

use openapiv3::{
    MediaType, Parameter, ParameterSchemaOrContent, QueryStyle, ReferenceOr, Schema, SchemaKind,
    StatusCode, Type, VariantOrUnknownOrEmpty,
};

use super::shape::{Field, Node, Operation, Param, Ty};
use crate::spec_walk::{Open, Resolved, SpecWalk};

/// Builds the shapes of one spec's operations.
pub(super) struct SpecShapes<'a> {
    walk: SpecWalk<'a>,
}

impl<'a> SpecShapes<'a> {
    pub(super) fn new(walk: SpecWalk<'a>) -> Self {
        SpecShapes { walk }
    }

    /// The operation's shape; `Err` names a reference that does not resolve.
    pub(super) fn operation(
        &self,
        method: &str,
        path: &str,
        op: &openapiv3::Operation,
    ) -> Result<Operation, String> {
        let mut shape = Operation {
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
            path_params: BTreeMap::new(),
            query: BTreeMap::new(),
            headers: BTreeMap::new(),
            body: None,
            response: None,
        };
        for parameter in &op.parameters {
            let parameter = self.walk.parameter(parameter)?;
            let data = parameter.parameter_data_ref();
            let node = match &data.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    self.node(schema, &mut Open::default())?
                }
                ParameterSchemaOrContent::Content(_) => Node::scalar(Ty::Other("content".into())),
            };
            let repeated = match parameter {
                Parameter::Query { style, .. } => {
                    node.ty == Ty::Array
                        && matches!(style, QueryStyle::Form)
                        && data.explode.unwrap_or(true)
                }
                _ => false,
            };
            let param = Param {
                name: data.name.clone(),
                required: data.required,
                repeated,
                node,
            };
            match parameter {
                Parameter::Query { .. } => {
                    shape.query.insert(data.name.clone(), param);
                }
                Parameter::Header { .. } => {
                    shape.headers.insert(data.name.to_ascii_lowercase(), param);
                }
                Parameter::Path { .. } => {
                    shape.path_params.insert(data.name.clone(), param);
                }
                // The BSS API has no cookie parameters; the SDK could not send one either.
                Parameter::Cookie { .. } => {}
            }
        }
        if let Some(body) = &op.request_body {
            let body = self.walk.request_body(body)?;
            shape.body = Some(
                self.media(body.content.iter())?
                    .unwrap_or_else(Node::empty_object),
            );
        }
        let success = op
            .responses
            .responses
            .iter()
            .find(|(status, _)| match status {
                StatusCode::Code(code) => (200..300).contains(code),
                StatusCode::Range(range) => *range == 2,
            });
        if let Some((_, response)) = success {
            let response = self.walk.response(response)?;
            shape.response = self.media(response.content.iter())?;
        }
        Ok(shape)
    }

    /// The JSON body's shape (`application/json`, else the only content type).
    fn media<'m>(
        &self,
        content: impl Iterator<Item = (&'m String, &'m MediaType)>,
    ) -> Result<Option<Node>, String> {
        let content: Vec<_> = content.collect();
        let media = content
            .iter()
            .find(|(name, _)| name.as_str() == "application/json")
            .or(content.first());
        match media.and_then(|(_, m)| m.schema.as_ref()) {
            Some(schema) => self.node(schema, &mut Open::default()).map(Some),
            None => Ok(None),
        }
    }

    /// `open` holds the models being expanded, to cut recursion.
    fn node<S: Borrow<Schema>>(
        &self,
        schema: &ReferenceOr<S>,
        open: &mut Open,
    ) -> Result<Node, String> {
        self.resolved(self.walk.schema(schema)?, open)
    }

    fn resolved(&self, resolved: Resolved<'_>, open: &mut Open) -> Result<Node, String> {
        match resolved.model {
            None => self.schema(resolved.schema, open),
            // Compared once where it was first expanded.
            Some(name) if open.contains(name) => {
                Ok(Node::scalar(match resolved.schema.schema_kind {
                    SchemaKind::Type(Type::Object(_)) => Ty::Object,
                    _ => Ty::Other(format!("recursive {name}")),
                }))
            }
            Some(name) => open.within(name, |open| self.schema(resolved.schema, open)),
        }
    }

    fn schema(&self, schema: &Schema, open: &mut Open) -> Result<Node, String> {
        let ty = match &schema.schema_kind {
            SchemaKind::Type(Type::String(_)) => Ty::String,
            SchemaKind::Type(Type::Integer(_)) => Ty::Integer,
            SchemaKind::Type(Type::Number(number)) => match &number.format {
                VariantOrUnknownOrEmpty::Unknown(format) if format == "decimal" => Ty::Decimal,
                _ => Ty::Number,
            },
            SchemaKind::Type(Type::Boolean(_)) => Ty::Boolean,
            SchemaKind::Type(Type::Array(array)) => {
                let items = match &array.items {
                    Some(items) => self.node(items, open)?,
                    None => Node::scalar(Ty::Other("any".into())),
                };
                return Ok(Node {
                    ty: Ty::Array,
                    items: Some(Box::new(items)),
                    fields: None,
                });
            }
            SchemaKind::Type(Type::Object(object)) => {
                let mut fields = BTreeMap::new();
                for (name, property) in &object.properties {
                    let field = Field {
                        required: object.required.contains(name),
                        node: self.node(property, open)?,
                    };
                    fields.insert(name.clone(), field);
                }
                return Ok(Node {
                    ty: Ty::Object,
                    items: None,
                    fields: Some(fields),
                });
            }
            SchemaKind::OneOf { .. } => Ty::Other("oneOf".into()),
            SchemaKind::AllOf { .. } => Ty::Other("allOf".into()),
            SchemaKind::AnyOf { .. } => Ty::Other("anyOf".into()),
            SchemaKind::Not { .. } => Ty::Other("not".into()),
            SchemaKind::Any(_) => Ty::Other("untyped".into()),
        };
        Ok(Node::scalar(ty))
    }
}
